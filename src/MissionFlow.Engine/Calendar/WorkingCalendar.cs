using System.Collections.Concurrent;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Calendar;

/// <summary>
/// The council's working days: Monday to Friday, less public holidays and days off in lieu, plus the make-up
/// Saturdays the government announces each year (Labour Code 2019, Art. 112). Thread-safe: years are computed
/// once, on first use.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyDictionary<int, CalendarYear> _announced;
    private readonly bool _computesOtherYears;
    private readonly HashSet<DateOnly> _configuredHolidays;
    private readonly HashSet<DateOnly> _configuredWorkingDays;
    private readonly ConcurrentDictionary<int, YearDays> _years = new();

    /// <summary>Weekdays, less <paramref name="holidays"/>, plus <paramref name="extraWorkingDays"/>: no year is computed.</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
        : this([], false, holidays, extraWorkingDays)
    {
    }

    private WorkingCalendar(IEnumerable<CalendarYear> announced, bool computesOtherYears, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
    {
        _announced = announced.ToDictionary(y => y.Year);
        _computesOtherYears = computesOtherYears;
        _configuredHolidays = [.. holidays];
        _configuredWorkingDays = [.. extraWorkingDays];
    }

    public static WorkingCalendar WeekdaysOnly { get; } = new([], []);

    /// <summary>
    /// Vietnam's calendar for civil servants: each announced year as announced, any other computed from the law and
    /// provisional; the configured days on top of both.
    /// </summary>
    public static WorkingCalendar Vietnam(IEnumerable<CalendarYear> announced, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays) =>
        new(announced, true, holidays, extraWorkingDays);

    public IEnumerable<int> AnnouncedYears => _announced.Keys.Order();

    /// <summary>The year's days off and make-up days, the configured ones included.</summary>
    public CalendarYear Year(int year) => Days(year).Year;

    public bool IsWorkingDay(DateOnly date)
    {
        var year = Days(date.Year);
        return year.Worked.Contains(date) || (!StatutoryYear.IsWeekend(date) && !year.Off.Contains(date));
    }

    /// <summary>Whether counting between the two dates (either order) runs through a provisional year.</summary>
    public bool CountsThroughProvisional(DateOnly from, DateOnly to)
    {
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
            if (Year(year).Provisional)
                return true;
        return false;
    }

    /// <summary>
    /// Moves <paramref name="date"/> by the offset. Counting working days, each step lands on a working day, so
    /// "-3wd" from a Monday deadline is the Wednesday before, and "+1wd" from a Friday is the next Monday.
    /// </summary>
    public DateOnly Add(DateOnly date, DayOffset offset)
    {
        if (!offset.WorkingDays)
            return date.AddDays(offset.Days);
        var step = Math.Sign(offset.Days);
        for (var left = Math.Abs(offset.Days); left > 0; left--)
        {
            do date = date.AddDays(step);
            while (!IsWorkingDay(date));
        }
        return date;
    }

    private YearDays Days(int year) => _years.GetOrAdd(year, y =>
    {
        var given = _announced.GetValueOrDefault(y)
            ?? (_computesOtherYears ? StatutoryYear.Compute(y) : new CalendarYear(y, false, "Weekdays and the configured days only.", [], []));
        var configured = given with
        {
            Holidays = [.. given.Holidays.Concat(Configured(_configuredHolidays, y, "Ngày nghỉ theo cấu hình")).OrderBy(d => d.Date)],
            ExtraWorkingDays = [.. given.ExtraWorkingDays.Concat(Configured(_configuredWorkingDays, y, "Ngày làm việc theo cấu hình")).OrderBy(d => d.Date)],
        };
        return new YearDays(configured, [.. configured.Holidays.Select(d => d.Date)], [.. configured.ExtraWorkingDays.Select(d => d.Date)]);
    });

    private static IEnumerable<CalendarDay> Configured(HashSet<DateOnly> days, int year, string name) =>
        days.Where(d => d.Year == year).Select(d => new CalendarDay(d, name));

    private sealed record YearDays(CalendarYear Year, HashSet<DateOnly> Off, HashSet<DateOnly> Worked);
}
