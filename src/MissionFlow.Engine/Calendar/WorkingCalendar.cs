using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Calendar;

/// <summary>
/// The council's working days: Monday to Friday, less public holidays and days off in lieu, plus the make-up
/// Saturdays the government announces each year (Labour Code 2019, Art. 112).
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _extraWorkingDays = [.. extraWorkingDays];

    public static WorkingCalendar WeekdaysOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly date) =>
        _extraWorkingDays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date));

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
}
