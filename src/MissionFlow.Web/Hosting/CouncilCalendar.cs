using System.Globalization;
using MissionFlow.Core.Common;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Hosting;

internal static class CouncilCalendar
{
    /// <summary>
    /// The announced years (workflows/calendars/ of the repo), any other computed from the law, the configured days
    /// on top. A bad announcement file stops start-up naming its file, line and JSON path, as a bad definition does.
    /// </summary>
    public static CouncilClock ClockFrom(CalendarOptions options)
    {
        var folder = CalendarsFolder(options);
        var files = CalendarFiles.Load(folder);
        if (!files.Succeeded)
            throw new SettingException($"the calendar files in {folder} are invalid; nothing was loaded:{Environment.NewLine}"
                + string.Join(Environment.NewLine, files.Errors.Select(e => $"  {e}")) + Environment.NewLine);
        return new CouncilClock(
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone),
            WorkingCalendar.Vietnam(files.Years, options.Holidays, options.ExtraWorkingDays),
            TimeOnly.ParseExact(options.NotifyAt, "HH:mm", CultureInfo.InvariantCulture));
    }

    private static string CalendarsFolder(CalendarOptions options) =>
        string.IsNullOrWhiteSpace(options.CalendarsDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "workflows", CalendarFiles.FolderName)
            : Path.GetFullPath(options.CalendarsDirectory);
}
