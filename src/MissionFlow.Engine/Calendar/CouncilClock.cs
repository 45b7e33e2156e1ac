namespace MissionFlow.Engine.Calendar;

/// <summary>
/// Turns the council's local dates into instants. Deadlines are dates in the council's time zone (default
/// Asia/Ho_Chi_Minh); a timer on a date fires at <see cref="NotifyAt"/> local time, at the start of the office day.
/// </summary>
public sealed class CouncilClock(TimeZoneInfo zone, WorkingCalendar calendar, TimeOnly notifyAt)
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    public TimeZoneInfo Zone { get; } = zone;
    public WorkingCalendar Calendar { get; } = calendar;
    public TimeOnly NotifyAt { get; } = notifyAt;

    public static CouncilClock Default(WorkingCalendar? calendar = null) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone), calendar ?? WorkingCalendar.WeekdaysOnly, new TimeOnly(8, 0));

    public DateTimeOffset InstantOf(DateOnly localDate)
    {
        var local = localDate.ToDateTime(NotifyAt, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
