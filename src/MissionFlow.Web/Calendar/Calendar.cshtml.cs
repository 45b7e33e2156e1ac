using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Calendar;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Calendar;

/// <summary>
/// The working-day calendar: which years are announced and which are computed and provisional, and one year's days
/// off and make-up days with their lunar dates.
/// </summary>
internal sealed class CalendarModel(CouncilClock clock, TimeProvider time, UiText text) : PageModel
{
    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];
    public CalendarYear Shown { get; private set; } = null!;

    public void OnGet(string? year)
    {
        var thisYear = clock.LocalDate(time.GetUtcNow()).Year;
        var shown = thisYear;
        if (year is not null)
        {
            if (CalendarEndpoints.ParseYear(year) is { } asked)
                shown = asked;
            else
                ModelState.AddModelError("year", text["Calendar.YearRange", StatutoryYear.FirstYear, StatutoryYear.LastYear]);
        }
        Years = clock.Calendar.AnnouncedYears.Concat(Enumerable.Range(thisYear - 1, 3)).Append(shown)
            .Distinct().Order().Select(clock.Calendar.Year).ToList();
        Shown = clock.Calendar.Year(shown);
    }

    public static int WeekdaysOff(CalendarYear year) => year.Holidays.Count(d => !StatutoryYear.IsWeekend(d.Date));
}
