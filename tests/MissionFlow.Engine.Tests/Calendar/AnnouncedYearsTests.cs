using System.Globalization;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Engine.Tests.Calendar;

/// <summary>
/// Each announced year against its announcement, typed here from the sources the files cite: every weekday off
/// (holidays, Tết, days off in lieu, swapped days) and every weekend day worked, and nothing else; the last column
/// names the weekdays given off in a swap for a Saturday worked (31/12/2018 for Saturday 5/1/2019).
/// </summary>
public sealed class AnnouncedYearsTests
{
    public static TheoryData<int, string, string, string> Announcements => new()
    {
        {
            2018, "01-01 02-14 02-15 02-16 02-19 02-20 04-25 04-30 05-01 09-03 12-31", "", "12-31"
        },
        {
            // 31/12/2018–1/1/2019 with Saturday 5/1 worked; Tết 4–8/2; Hùng Kings on Sunday 14/4; 29/4–1/5 with Saturday 4/5 worked.
            2019, "01-01 02-04 02-05 02-06 02-07 02-08 04-15 04-29 04-30 05-01 09-02", "01-05 05-04", "04-29"
        },
        {
            2020, "01-01 01-23 01-24 01-27 01-28 01-29 04-02 04-30 05-01 09-02", "", ""
        },
        {
            // The first year of the 2019 code's second National Day.
            2021, "01-01 02-10 02-11 02-12 02-15 02-16 04-21 04-30 05-03 09-02 09-03", "", ""
        },
        {
            2022, "01-03 01-31 02-01 02-02 02-03 02-04 04-11 05-02 05-03 09-01 09-02", "", ""
        },
        {
            // Hùng Kings on Saturday 29/4, 30/4 on Sunday: 29/4–3/5 off.
            2023, "01-02 01-20 01-23 01-24 01-25 01-26 05-01 05-02 05-03 09-01 09-04", "", ""
        },
        {
            2024, "01-01 02-08 02-09 02-12 02-13 02-14 04-18 04-29 04-30 05-01 09-02 09-03", "05-04", "04-29"
        },
        {
            2025, "01-01 01-27 01-28 01-29 01-30 01-31 04-07 04-30 05-01 05-02 09-01 09-02", "04-26", "05-02"
        },
        {
            // New Year 1–4/1 with Saturday 10/1 worked; Tết 14–22/2; National Day 29/8–2/9 with Saturday 22/8 worked.
            2026, "01-01 01-02 02-16 02-17 02-18 02-19 02-20 04-27 04-30 05-01 08-31 09-01 09-02", "01-10 08-22", "01-02 08-31"
        },
    };

    [Theory]
    [MemberData(nameof(Announcements))]
    public void Each_announced_day_off_and_make_up_day_is_as_announced(int year, string daysOff, string daysWorked, string swapped)
    {
        var calendar = ShippedCalendar.Value;
        var weekdaysOff = Days(year).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(d));
        var weekendsWorked = Days(year).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && calendar.IsWorkingDay(d));

        Assert.Equal(Dates(year, daysOff), weekdaysOff);
        Assert.Equal(Dates(year, daysWorked), weekendsWorked);
        Assert.False(calendar.Year(year).Provisional);
        Assert.Empty(Dates(year, swapped).Except(Dates(year, daysOff)));
    }

    [Theory]
    [MemberData(nameof(Announcements))]
    public void The_law_alone_gives_each_announced_year_but_for_its_swaps(int year, string daysOff, string _, string swapped)
    {
        // The rule a provisional year is computed by (which five days of Tết, which day beside 2/9, days off in
        // lieu) is the one the government followed each year: what an announcement adds is its swaps.
        var computed = WorkingCalendar.Vietnam([], [], []);

        Assert.Equal(Dates(year, daysOff).Except(Dates(year, swapped)),
            Days(year).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !computed.IsWorkingDay(d)));
        Assert.DoesNotContain(Days(year), d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && computed.IsWorkingDay(d));
        Assert.True(computed.Year(year).Provisional);
    }

    private static IEnumerable<DateOnly> Days(int year) =>
        Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));

    private static IEnumerable<DateOnly> Dates(int year, string monthDays) =>
        monthDays.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
