using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Calendar;

/// <summary>
/// The per-year announcement files of <c>workflows/calendars/</c> (vn-2026.json...): the days off the government
/// announces for civil servants and the make-up working days, each file citing its source. Checked against
/// calendar.schema.json, then against the law and the lunar calendar, with the file, JSON path and line of each error.
/// </summary>
public static partial class CalendarFiles
{
    public const string FolderName = "calendars";

    private sealed record Day(string Date, string Name);

    private sealed record YearFile(int Year, string Source, IReadOnlyList<Day> Holidays, IReadOnlyList<Day> ExtraWorkingDays);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Every year file of <paramref name="folder"/>; none when the folder does not exist.</summary>
    public static CalendarLoadResult Load(string folder)
    {
        if (!Directory.Exists(folder))
            return new CalendarLoadResult([], []);
        var years = new List<(CalendarYear Year, string File, JsonLineMap Lines)>();
        var errors = new List<DefinitionError>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json")
                     .Where(f => !f.EndsWith(DefinitionLoader.SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            var (year, lines, fileErrors) = Read(path, File.ReadAllBytes(path));
            errors.AddRange(fileErrors);
            if (year is not null)
                years.Add((year, path, lines));
        }
        foreach (var twice in years.GroupBy(y => y.Year.Year).Where(g => g.Count() > 1))
            errors.AddRange(twice.Skip(1).Select(y => new DefinitionError(y.File, "$.year", y.Lines.LineOf("$.year"),
                $"{twice.Key} is announced in {Path.GetFileName(twice.First().File)} already.")));
        return errors.Count > 0 ? new CalendarLoadResult([], errors) : new CalendarLoadResult(years.Select(y => y.Year).ToList(), []);
    }

    private static (CalendarYear?, JsonLineMap, IReadOnlyList<DefinitionError>) Read(string file, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        var lines = JsonLineMap.Build(bytes);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, lines, [new DefinitionError(file, e.Path ?? "$", (int)(e.LineNumber ?? 0) + 1, $"Not valid JSON: {e.Message}")]);
        }
        using (document)
        {
            var schemaErrors = DefinitionSchema.Calendar.Check(document.RootElement)
                .Select(e => At(file, lines, JsonLineMap.FromPointer(e.Pointer), e.Message))
                .ToList();
            if (schemaErrors.Count > 0)
                return (null, lines, schemaErrors);
            var parsed = document.RootElement.Deserialize<YearFile>(Json)!;
            var errors = new List<DefinitionError>();
            var holidays = Days(parsed.Holidays, "$.holidays", parsed.Year, file, lines, errors);
            var extra = Days(parsed.ExtraWorkingDays, "$.extraWorkingDays", parsed.Year, file, lines, errors);
            if (errors.Count > 0)
                return (null, lines, errors);
            var year = new CalendarYear(parsed.Year, false, parsed.Source, holidays, extra);
            errors.AddRange(Check(year).Select(e => At(file, lines, e.Path, e.Message)));
            return (errors.Count > 0 ? null : year, lines, errors);
        }
    }

    private static List<CalendarDay> Days(IReadOnlyList<Day> days, string path, int year, string file, JsonLineMap lines, List<DefinitionError> errors)
    {
        var result = new List<CalendarDay>();
        for (var i = 0; i < days.Count; i++)
        {
            if (!DateOnly.TryParseExact(days[i].Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(At(file, lines, $"{path}[{i}].date", $"'{days[i].Date}' is not a date (yyyy-MM-dd)."));
            else if (date.Year != year)
                errors.Add(At(file, lines, $"{path}[{i}].date", $"{days[i].Date} ({days[i].Name}) is not in {year}."));
            else
                result.Add(new CalendarDay(date, days[i].Name));
        }
        return result;
    }

    /// <summary>What the law and the lunar calendar say an announcement cannot be: each error as (JSON path, message).</summary>
    private static IEnumerable<(string Path, string Message)> Check(CalendarYear year)
    {
        var off = year.Holidays.Select(d => d.Date).ToHashSet();
        for (var i = 0; i < year.Holidays.Count; i++)
        {
            var day = year.Holidays[i];
            if (year.Holidays.Take(i).Any(d => d.Date == day.Date))
                yield return ($"$.holidays[{i}].date", $"{day.Date:yyyy-MM-dd} is listed twice.");
            if (WrongLunarDay(day) is { } wrong)
                yield return ($"$.holidays[{i}].name", wrong);
        }
        for (var i = 0; i < year.ExtraWorkingDays.Count; i++)
        {
            var day = year.ExtraWorkingDays[i];
            if (!StatutoryYear.IsWeekend(day.Date))
                yield return ($"$.extraWorkingDays[{i}].date", $"{day.Date:yyyy-MM-dd} is a {day.Date.DayOfWeek}: a make-up working day is a Saturday or Sunday.");
            if (off.Contains(day.Date))
                yield return ($"$.extraWorkingDays[{i}].date", $"{day.Date:yyyy-MM-dd} is listed as a holiday too.");
        }
        foreach (var statutory in StatutoryYear.FixedDays(year.Year).Where(d => !StatutoryYear.IsWeekend(d.Date) && !off.Contains(d.Date)))
            yield return ("$.holidays", $"{statutory.Date:yyyy-MM-dd} ({statutory.Name}) is a holiday under {HolidayLaw.On(statutory.Date).Citation} and falls on a weekday, but is not listed.");
    }

    /// <summary>A Tết day named by its lunar day ("Tết Nguyên đán (28 tháng Chạp)", "(Mùng 2)") must give the date's own.</summary>
    private static string? WrongLunarDay(CalendarDay day)
    {
        var named = LunarDayName().Match(day.Name);
        if (!named.Success)
            return null;
        var lunar = VietnameseLunarCalendar.FromSolar(day.Date);
        var (month, number) = named.Groups["chap"].Success ? (12, int.Parse(named.Groups["chap"].Value, CultureInfo.InvariantCulture))
            : (1, int.Parse(named.Groups["mung"].Value, CultureInfo.InvariantCulture));
        return lunar.Month == month && lunar.Day == number && !lunar.LeapMonth
            ? null
            : $"'{day.Name}': {day.Date:yyyy-MM-dd} is {lunar} in the lunar calendar.";
    }

    private static DefinitionError At(string file, JsonLineMap lines, string path, string message) => new(file, path, lines.LineOf(path), message);

    // Only a Tết day's own name: "Nghỉ bù Tết Nguyên đán (Mùng 2, thứ Bảy 17/2)" names the day it makes up for.
    [GeneratedRegex(@"^Tết Nguyên đán \((?:(?<chap>\d{1,2}) tháng Chạp|Mùng (?<mung>\d{1,2}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LunarDayName();
}
