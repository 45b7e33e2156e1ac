using System.Globalization;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Hosting;

internal static class CouncilCalendar
{
    public static CouncilClock ClockFrom(CalendarOptions options) => new(
        TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone),
        new WorkingCalendar(options.Holidays, options.ExtraWorkingDays),
        TimeOnly.ParseExact(options.NotifyAt, "HH:mm", CultureInfo.InvariantCulture));
}
