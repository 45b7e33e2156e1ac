using System.Text.Json;

namespace MissionFlow.Engine.Calendar;

/// <summary>
/// The per-year calendar files of <c>workflows/calendars/</c> (vn-2026.json...): the days off the government
/// announces for civil servants (holidays and days off in lieu) and the make-up working Saturdays.
/// </summary>
public static class CalendarFiles
{
    public const string FolderName = "calendars";

    public sealed record DayEntry(DateOnly Date, string Name);

    public sealed record YearFile(int Year, IReadOnlyList<DayEntry> Holidays, IReadOnlyList<DayEntry> ExtraWorkingDays);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Every year file of <paramref name="folder"/>; none when the folder does not exist.</summary>
    public static IReadOnlyList<YearFile> Load(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    /// <summary>A calendar of the files' days and the configured ones together.</summary>
    public static WorkingCalendar Merge(IEnumerable<YearFile> files, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
    {
        var years = files.ToList();
        return new WorkingCalendar(
            years.SelectMany(y => y.Holidays).Select(d => d.Date).Concat(holidays),
            years.SelectMany(y => y.ExtraWorkingDays).Select(d => d.Date).Concat(extraWorkingDays));
    }

    private static YearFile Read(string path)
    {
        YearFile? file;
        try
        {
            file = JsonSerializer.Deserialize<YearFile>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a calendar file: {e.Message}", e);
        }
        if (file?.Holidays is null || file.ExtraWorkingDays is null)
            throw new InvalidDataException($"{path}: a calendar file needs 'year', 'holidays' and 'extraWorkingDays'.");
        var outside = file.Holidays.Concat(file.ExtraWorkingDays).FirstOrDefault(d => d.Date.Year != file.Year);
        if (outside is not null)
            throw new InvalidDataException($"{path}: {outside.Date:yyyy-MM-dd} ({outside.Name}) is not in {file.Year}.");
        return file;
    }
}
