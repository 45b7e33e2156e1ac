using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reunification Day and Labour Day 2025 (Wed 30 April, Thu 1 May), with Friday 2 May given off and
    /// Saturday 26 April worked in exchange.
    /// </summary>
    private static readonly WorkingCalendar Vietnam2025 = new(
        holidays: [D("2025-04-30"), D("2025-05-01"), D("2025-05-02")],
        extraWorkingDays: [D("2025-04-26")]);

    [Theory]
    [InlineData("2026-01-05", true)]  // Monday
    [InlineData("2026-01-09", true)]  // Friday
    [InlineData("2026-01-10", false)] // Saturday
    [InlineData("2026-01-11", false)] // Sunday
    public void Weekdays_only_calendar_works_monday_to_friday(string date, bool working)
    {
        Assert.Equal(working, WorkingCalendar.WeekdaysOnly.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2025-04-25", true)]  // Friday
    [InlineData("2025-04-26", true)]  // make-up Saturday
    [InlineData("2025-04-27", false)] // Sunday
    [InlineData("2025-04-29", true)]  // Tuesday
    [InlineData("2025-04-30", false)] // holiday
    [InlineData("2025-05-01", false)] // holiday
    [InlineData("2025-05-02", false)] // day off in lieu
    [InlineData("2025-05-03", false)] // ordinary Saturday
    [InlineData("2025-05-05", true)]  // Monday
    public void Holidays_are_off_and_make_up_saturdays_are_worked(string date, bool working)
    {
        Assert.Equal(working, Vietnam2025.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Minus_three_working_days_from_a_monday_is_the_wednesday_before()
    {
        Assert.Equal(D("2026-01-07"), WorkingCalendar.WeekdaysOnly.Add(D("2026-01-12"), DayOffset.Parse("-3wd")));
    }

    [Fact]
    public void Plus_one_working_day_from_a_friday_is_the_next_monday()
    {
        Assert.Equal(D("2026-01-12"), WorkingCalendar.WeekdaysOnly.Add(D("2026-01-09"), DayOffset.Parse("+1wd")));
    }

    [Theory]
    [InlineData("2026-01-10", "+1wd", "2026-01-12")] // Saturday to Monday
    [InlineData("2026-01-11", "-1wd", "2026-01-09")] // Sunday to Friday
    [InlineData("2026-01-05", "+5wd", "2026-01-12")]
    [InlineData("2026-06-30", "-15wd", "2026-06-09")]
    [InlineData("2026-06-30", "+30wd", "2026-08-11")]
    [InlineData("2026-01-10", "+0wd", "2026-01-10")]
    public void Working_day_offsets_skip_weekends(string from, string offset, string expected)
    {
        Assert.Equal(D(expected), WorkingCalendar.WeekdaysOnly.Add(D(from), DayOffset.Parse(offset)));
    }

    [Theory]
    [InlineData("2025-05-05", "-3wd", "2025-04-26")] // back over the holidays, landing on the make-up Saturday
    [InlineData("2025-04-29", "+1wd", "2025-05-05")] // over three days off and a weekend
    [InlineData("2025-04-25", "+1wd", "2025-04-26")] // the make-up Saturday counts
    [InlineData("2025-04-28", "-1wd", "2025-04-26")]
    [InlineData("2025-04-29", "+2wd", "2025-05-06")]
    public void Working_day_offsets_skip_holidays_and_count_make_up_days(string from, string offset, string expected)
    {
        Assert.Equal(D(expected), Vietnam2025.Add(D(from), DayOffset.Parse(offset)));
    }

    [Theory]
    [InlineData("2026-01-09", "+1d", "2026-01-10")] // Friday to Saturday
    [InlineData("2026-01-12", "-3d", "2026-01-09")]
    [InlineData("2026-01-31", "+1d", "2026-02-01")]
    [InlineData("2025-04-29", "+1d", "2025-04-30")] // a holiday is still a calendar day
    [InlineData("2025-04-29", "+4d", "2025-05-03")]
    public void Calendar_day_offsets_are_plain_days(string from, string offset, string expected)
    {
        Assert.Equal(D(expected), Vietnam2025.Add(D(from), DayOffset.Parse(offset)));
    }

    [Fact]
    public void A_holiday_on_a_weekday_only_matters_to_the_calendar_that_lists_it()
    {
        Assert.True(WorkingCalendar.WeekdaysOnly.IsWorkingDay(D("2025-04-30")));
        Assert.False(Vietnam2025.IsWorkingDay(D("2025-04-30")));
    }

    [Fact]
    public void A_count_that_runs_into_a_provisional_year_says_so()
    {
        var calendar = ShippedCalendar.Value;

        Assert.False(calendar.CountsThroughProvisional(D("2026-11-20"), D("2026-12-31")));
        Assert.True(calendar.CountsThroughProvisional(D("2026-12-20"), D("2027-01-05")));
        Assert.True(calendar.CountsThroughProvisional(D("2027-01-05"), D("2026-12-20")));
        Assert.False(WorkingCalendar.WeekdaysOnly.CountsThroughProvisional(D("2026-12-20"), D("2040-01-05")));
    }

    [Fact]
    public void Configured_days_join_the_year_they_fall_in()
    {
        var calendar = WorkingCalendar.Vietnam([], [D("2027-11-24")], [D("2027-02-13")]);

        Assert.False(calendar.IsWorkingDay(D("2027-11-24")));
        Assert.True(calendar.IsWorkingDay(D("2027-02-13")));
        Assert.Contains(calendar.Year(2027).Holidays, h => h.Date == D("2027-11-24"));
        Assert.Contains(calendar.Year(2027).ExtraWorkingDays, h => h.Date == D("2027-02-13"));
    }
}
