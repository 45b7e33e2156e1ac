using System.Globalization;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Tests.Calendar;

public sealed class StatutoryYearTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void A_year_with_no_announcement_is_computed_from_the_law_and_marked_provisional()
    {
        var year = ShippedCalendar.Value.Year(2027);

        Assert.True(year.Provisional);
        Assert.Contains("Labour Code 2019, Art. 112", year.Source);
        Assert.Equal(
            [
                ("2027-01-01", "Tết Dương lịch"),
                ("2027-02-04", "Tết Nguyên đán (28 tháng Chạp)"),
                ("2027-02-05", "Tết Nguyên đán (29 tháng Chạp)"),
                ("2027-02-06", "Tết Nguyên đán (Mùng 1)"),
                ("2027-02-07", "Tết Nguyên đán (Mùng 2)"),
                ("2027-02-08", "Tết Nguyên đán (Mùng 3)"),
                ("2027-02-09", "Nghỉ bù Tết Nguyên đán (Mùng 1), trùng thứ Bảy 6/2"),
                ("2027-02-10", "Nghỉ bù Tết Nguyên đán (Mùng 2), trùng Chủ nhật 7/2"),
                ("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                ("2027-04-30", "Ngày Chiến thắng"),
                ("2027-05-01", "Ngày Quốc tế Lao động"),
                ("2027-05-03", "Nghỉ bù Ngày Quốc tế Lao động, trùng thứ Bảy 1/5"),
                ("2027-09-02", "Quốc khánh"),
                ("2027-09-03", "Quốc khánh (ngày liền kề)"),
            ],
            year.Holidays.Select(h => (h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name)));
        Assert.Empty(year.ExtraWorkingDays);
    }

    [Fact]
    public void Tet_Ky_Hoi_2019_counts_even_with_no_file_for_2019()
    {
        // The seeded 2018 mission's escalations: three working days after Thursday 31 January 2019 skip Tết (4–8 February).
        var lawOnly = WorkingCalendar.Vietnam([], [], []);

        Assert.Equal(D("2019-02-12"), lawOnly.Add(D("2019-01-31"), DayOffset.Parse("+3wd")));
        Assert.Equal(D("2019-02-05"), WorkingCalendar.WeekdaysOnly.Add(D("2019-01-31"), DayOffset.Parse("+3wd")));
    }

    [Theory]
    [InlineData(2010, 4, 1, "Labour Code 1994, Art. 73 as amended by Law 84/2007/QH11")]
    [InlineData(2015, 5, 1, "Labour Code 2012, Art. 115")]
    [InlineData(2020, 5, 1, "Labour Code 2012, Art. 115")]
    [InlineData(2021, 5, 2, "Labour Code 2019, Art. 112")]
    public void Each_year_gets_the_days_of_the_law_then_in_force(int year, int tetDays, int nationalDays, string law)
    {
        var computed = StatutoryYear.Compute(year);

        Assert.Equal(tetDays, computed.Holidays.Count(h => h.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)));
        Assert.Equal(nationalDays, computed.Holidays.Count(h => h.Name.StartsWith("Quốc khánh", StringComparison.Ordinal)));
        Assert.Contains(law, computed.Source);
    }

    [Fact]
    public void Hung_Kings_day_is_a_holiday_only_from_2007()
    {
        Assert.DoesNotContain(StatutoryYear.Compute(2006).Holidays, h => h.Name.StartsWith("Giỗ Tổ", StringComparison.Ordinal));
        Assert.Contains(StatutoryYear.Compute(2007).Holidays, h => h.Date == D("2007-04-26") && h.Name.StartsWith("Giỗ Tổ", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_holidays_on_one_weekend_give_two_days_off_in_lieu_after_it()
    {
        // 2028: 30/4 Sunday, 1/5 Monday; 2022's 30/4 and 1/5 were Saturday and Sunday.
        Assert.Equal([D("2028-05-02")], StatutoryYear.Compute(2028).Holidays.Where(h => h.Name.StartsWith("Nghỉ bù Ngày Chiến thắng", StringComparison.Ordinal)).Select(h => h.Date));
        Assert.Equal([D("2022-05-02"), D("2022-05-03")], StatutoryYear.Compute(2022).Holidays.Where(h => h.Name.StartsWith("Nghỉ bù Ngày", StringComparison.Ordinal)).Select(h => h.Date));
    }

    [Fact]
    public void A_year_before_the_five_day_week_is_weekdays_only_and_provisional()
    {
        var year = StatutoryYear.Compute(1999);

        Assert.True(year.Provisional);
        Assert.Empty(year.Holidays);
        Assert.True(WorkingCalendar.Vietnam([], [], []).IsWorkingDay(D("1999-09-02")));
    }
}
