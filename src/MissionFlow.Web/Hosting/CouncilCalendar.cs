using System.Globalization;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Hosting;

internal static class CouncilCalendar
{
    /// <summary>The configured days come on top of the year files (workflows/calendars/ of the repo).</summary>
    public static CouncilClock ClockFrom(CalendarOptions options) => new(
        TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone),
        CalendarFiles.Merge(CalendarFiles.Load(CalendarsFolder(options)), options.Holidays, options.ExtraWorkingDays),
        TimeOnly.ParseExact(options.NotifyAt, "HH:mm", CultureInfo.InvariantCulture));

    private static string CalendarsFolder(CalendarOptions options) =>
        string.IsNullOrWhiteSpace(options.CalendarsDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "workflows", CalendarFiles.FolderName)
            : Path.GetFullPath(options.CalendarsDirectory);
}
