using System.Globalization;

namespace MissionFlow.Engine.Calendar;

/// <summary>
/// A year's days off computed from the law alone, for a year the government has announced nothing for. The days the
/// law fixes are certain; where the Prime Minister chooses (which five days of Tết, which day beside National Day)
/// the choice follows recent practice, and the year is provisional until its announcement is added.
/// </summary>
public static class StatutoryYear
{
    /// <summary>
    /// The years computed: civil servants have worked Monday to Friday since October 1999 (Decision
    /// 188/1999/QĐ-TTg), and the lunar method is checked against published tables up to 2199.
    /// </summary>
    public const int FirstYear = 2000, LastYear = 2199;

    public static bool Computes(int year) => year is >= FirstYear and <= LastYear;

    public static CalendarYear Compute(int year)
    {
        if (!Computes(year))
            return new CalendarYear(year, true, $"MissionFlow computes {FirstYear}–{LastYear} only: weekdays only.", [], []);
        var fixedDays = FixedDays(year);
        var days = fixedDays.Concat(TetDays(year).Where(t => fixedDays.All(f => f.Date != t.Date))).ToList();
        var nationalDay = new DateOnly(year, 9, 2);
        if (HolidayLaw.On(nationalDay).NationalDayDays == 2)
            days.Add(new CalendarDay(NationalDayNeighbour(nationalDay), "Quốc khánh (ngày liền kề)"));
        days.Sort((a, b) => a.Date.CompareTo(b.Date)); // days off in lieu are given in the order of the holidays
        var laws = days.Select(d => HolidayLaw.On(d.Date).Citation).Distinct();
        return new CalendarYear(year, true,
            $"Computed from {string.Join("; ", laws)}: no announcement for civil servants is known for {year}.",
            [.. days.Concat(InLieu(days)).OrderBy(d => d.Date)], []);
    }

    /// <summary>
    /// The days the law itself dates: New Year, Mùng 1 to 3 of Tết, Hùng Kings' day (10/3 lunar), 30/4, 1/5 and 2/9.
    /// Every announcement keeps them; only their neighbours move.
    /// </summary>
    public static IReadOnlyList<CalendarDay> FixedDays(int year)
    {
        var newYear = VietnameseLunarCalendar.NewYear(year);
        var days = new List<CalendarDay> { new(new DateOnly(year, 1, 1), "Tết Dương lịch") };
        days.AddRange(Enumerable.Range(0, 3).Select(i => newYear.AddDays(i)).Select(d => new CalendarDay(d, TetName(d))));
        var hungKings = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10));
        if (HolidayLaw.On(hungKings).HungKings)
            days.Add(new CalendarDay(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        days.Add(new CalendarDay(new DateOnly(year, 4, 30), "Ngày Chiến thắng"));
        days.Add(new CalendarDay(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động"));
        days.Add(new CalendarDay(new DateOnly(year, 9, 2), "Quốc khánh"));
        return days;
    }

    /// <summary>"Tết Nguyên đán (29 tháng Chạp)", "Tết Nguyên đán (Mùng 1)": the lunar day, as announcements name it.</summary>
    public static string TetName(DateOnly date)
    {
        var lunar = VietnameseLunarCalendar.FromSolar(date);
        return lunar.Month == 12 ? $"Tết Nguyên đán ({lunar.Day} tháng Chạp)" : $"Tết Nguyên đán (Mùng {lunar.Day})";
    }

    /// <summary>
    /// Five days: the two before Mùng 1 and Mùng 1 to 3 (2018, 2020–2021, 2023–2025), or the last day of the year and
    /// Mùng 1 to 4 when the first would be a weekend day (2019, 2022, 2026). Four days before May 2013: the last day
    /// of the year and Mùng 1 to 3.
    /// </summary>
    private static IEnumerable<DateOnly> TetDayDates(int year)
    {
        var newYear = VietnameseLunarCalendar.NewYear(year);
        var count = HolidayLaw.On(newYear).TetDays;
        var start = count == 5 && !IsWeekend(newYear.AddDays(-2)) ? newYear.AddDays(-2) : newYear.AddDays(-1);
        return Enumerable.Range(0, count).Select(start.AddDays);
    }

    private static IEnumerable<CalendarDay> TetDays(int year) => TetDayDates(year).Select(d => new CalendarDay(d, TetName(d)));

    /// <summary>The day before 2/9, or the day after when that joins the break to a weekend (2/9 on a Monday or Thursday).</summary>
    private static DateOnly NationalDayNeighbour(DateOnly nationalDay) =>
        nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);

    /// <summary>Each holiday on a Saturday or Sunday gives the next working day that is not itself a day off.</summary>
    private static List<CalendarDay> InLieu(IReadOnlyList<CalendarDay> holidays)
    {
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var result = new List<CalendarDay>();
        foreach (var holiday in holidays.Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
                day = day.AddDays(1);
            taken.Add(day);
            result.Add(new CalendarDay(day, $"Nghỉ bù {holiday.Name}, trùng {Weekday(holiday.Date)} {holiday.Date.ToString("d/M", CultureInfo.InvariantCulture)}"));
        }
        return result;
    }

    private static string Weekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật";

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
