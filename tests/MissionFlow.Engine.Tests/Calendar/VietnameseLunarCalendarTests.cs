using System.Globalization;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Engine.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1968, "1968-01-29")] // the North's first Tết at UTC+7, a day before the South's
    [InlineData(1985, "1985-01-21")] // a month before China's
    [InlineData(2000, "2000-02-05")]
    [InlineData(2007, "2007-02-17")] // China's was 18 February
    [InlineData(2010, "2010-02-14")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")] // the new moon is at 23:07 in Hanoi, 00:07 the next day in Beijing
    public void Tet_falls_on_the_day_Vietnam_keeps(int year, string tet)
    {
        Assert.Equal(D(tet), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.FromSolar(D(tet)));
    }

    [Theory]
    [InlineData(1985, "1985-02-20")]
    [InlineData(2007, "2007-02-18")]
    [InlineData(2030, "2030-02-03")]
    public void Chinas_calendar_at_UTC_plus_8_would_put_Tet_elsewhere(int year, string chinese)
    {
        // Why MissionFlow does not use ChineseLunisolarCalendar: its New Year is China's.
        var china = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(year, 1, 1, 0, 0, 0, 0));

        Assert.Equal(D(chinese), china);
        Assert.NotEqual(china, VietnameseLunarCalendar.NewYear(year));
    }

    [Theory]
    [InlineData(2018, "2018-04-25")]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")] // lunar 2020 has a leap fourth month, after the third
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")] // and 2023 a leap second month, before it
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int year, string date)
    {
        Assert.Equal(D(date), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)));
    }

    [Theory]
    [InlineData("2025-01-27", 2024, 12, 28)] // the 2025 file once called it the 27th
    [InlineData("2025-01-28", 2024, 12, 29)] // the last day of Giáp Thìn: its twelfth month had 29 days
    [InlineData("2024-02-09", 2023, 12, 30)]
    [InlineData("2026-02-16", 2025, 12, 29)]
    public void The_last_days_of_the_year_are_named_by_their_own_lunar_day(string date, int year, int month, int day)
    {
        Assert.Equal(new LunarDate(year, month, day), VietnameseLunarCalendar.FromSolar(D(date)));
    }

    [Fact]
    public void A_leap_month_repeats_its_number_and_only_the_year_that_has_it_accepts_it()
    {
        // Quý Mão 2023: month 2 and a leap month 2 (22 February and 22 March 2023).
        Assert.Equal(new LunarDate(2023, 2, 1, LeapMonth: true), VietnameseLunarCalendar.FromSolar(D("2023-03-22")));
        Assert.Equal(D("2023-03-22"), VietnameseLunarCalendar.ToSolar(new LunarDate(2023, 2, 1, LeapMonth: true)));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 2, 1, LeapMonth: true)));
    }

    [Fact]
    public void Every_day_from_1990_to_2100_goes_to_the_lunar_calendar_and_back()
    {
        for (var date = D("1990-01-01"); date < D("2100-01-01"); date = date.AddDays(1))
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(VietnameseLunarCalendar.FromSolar(date)));
    }
}
