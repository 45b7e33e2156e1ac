using MissionFlow.Engine.Calendar;

namespace MissionFlow.Engine.Tests.Calendar;

public sealed class CouncilClockTests
{
    [Fact]
    public void Default_clock_is_hanoi_time_at_eight_with_weekdays_only()
    {
        var clock = CouncilClock.Default();

        Assert.Equal(TimeSpan.FromHours(7), clock.Zone.BaseUtcOffset);
        Assert.Equal(new TimeOnly(8, 0), clock.NotifyAt);
        Assert.Same(WorkingCalendar.WeekdaysOnly, clock.Calendar);
    }

    [Fact]
    public void Default_clock_keeps_a_given_calendar()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 9, 2)], []);

        Assert.Same(calendar, CouncilClock.Default(calendar).Calendar);
    }

    [Fact]
    public void A_date_fires_at_eight_in_the_morning_hanoi_time_which_is_one_utc()
    {
        var instant = CouncilClock.Default().InstantOf(new DateOnly(2026, 1, 5));

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void Another_zone_and_hour_are_honoured()
    {
        var clock = new CouncilClock(TimeZoneInfo.Utc, WorkingCalendar.WeekdaysOnly, new TimeOnly(9, 30));

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero), clock.InstantOf(new DateOnly(2026, 1, 5)));
    }

    [Theory]
    [InlineData("2026-01-04T16:59:00Z", "2026-01-04")]
    [InlineData("2026-01-04T17:00:00Z", "2026-01-05")] // midnight in Hanoi
    [InlineData("2026-01-05T01:00:00Z", "2026-01-05")]
    [InlineData("2026-01-05T08:00:00+07:00", "2026-01-05")]
    public void Local_date_is_the_date_in_hanoi(string instant, string date)
    {
        var clock = CouncilClock.Default();

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            clock.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void InstantOf_and_LocalDate_agree()
    {
        var clock = CouncilClock.Default();
        for (var date = new DateOnly(2026, 1, 1); date < new DateOnly(2027, 1, 1); date = date.AddDays(1))
            Assert.Equal(date, clock.LocalDate(clock.InstantOf(date)));
    }
}
