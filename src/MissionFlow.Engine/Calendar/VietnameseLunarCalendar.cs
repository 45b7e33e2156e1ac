namespace MissionFlow.Engine.Calendar;

/// <summary>
/// The Vietnamese lunar calendar, reckoned at UTC+7 as Vietnam has done since 1968 (nationwide since 1976). .NET's
/// ChineseLunisolarCalendar follows China's UTC+8 and puts some New Years on another day: Tết 1985 was 21 January
/// in Vietnam, 20 February in China; Tết 2007 was 17 February, China's 18 February. No maintained package computes
/// it (none is served), so this is Hồ Ngọc Đức's published method: new moons and the sun's longitude by Jean
/// Meeus's "Astronomical Algorithms" formulas, the day of each taken at local midnight. A month starts on the day
/// of its new moon; month 11 holds the winter solstice; in a year of 13 months the first month after month 11
/// in which the sun enters no new sign (no major solar term) is the leap month.
/// </summary>
public static class VietnameseLunarCalendar
{
    private const double Zone = 7.0;
    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695; // the new moon of 1900-01-01, in Julian days
    private const double Radians = Math.PI / 180;

    public static LunarDate FromSolar(DateOnly date)
    {
        var day = JulianDay(date);
        var k = (int)Math.Floor((day - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1);
        if (monthStart > day)
            monthStart = NewMoonDay(k);
        var a11 = Month11(date.Year);
        var b11 = a11;
        int year;
        if (a11 >= monthStart)
        {
            year = date.Year;
            a11 = Month11(date.Year - 1);
        }
        else
        {
            year = date.Year + 1;
            b11 = Month11(date.Year + 1);
        }
        var diff = (int)Math.Floor((monthStart - a11) / 29.0);
        var month = diff + 11;
        var leap = false;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            if (diff >= leapOffset)
            {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12)
            month -= 12;
        if (month >= 11 && diff < 4)
            year--;
        return new LunarDate(year, month, day - monthStart + 1, leap);
    }

    /// <summary>The solar date of a lunar day; a leap month that the year does not have is refused.</summary>
    public static DateOnly ToSolar(LunarDate lunar)
    {
        var (a11, b11) = lunar.Month < 11
            ? (Month11(lunar.Year - 1), Month11(lunar.Year))
            : (Month11(lunar.Year), Month11(lunar.Year + 1));
        var k = (int)Math.Floor(0.5 + (a11 - NewMoonEpoch) / SynodicMonth);
        var offset = lunar.Month - 11;
        if (offset < 0)
            offset += 12;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
                leapMonth += 12;
            if (lunar.LeapMonth && lunar.Month != leapMonth)
                throw new ArgumentException($"Lunar year {lunar.Year} has no leap month {lunar.Month}.", nameof(lunar));
            if (lunar.LeapMonth || offset >= leapOffset)
                offset++;
        }
        else if (lunar.LeapMonth)
            throw new ArgumentException($"Lunar year {lunar.Year} has no leap month.", nameof(lunar));
        return DateOfJulianDay(NewMoonDay(k + offset) + lunar.Day - 1);
    }

    /// <summary>Mùng 1 Tết: the first day of the lunar year that starts in <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    private static int JulianDay(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly DateOfJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - 1721426);

    /// <summary>The day (at UTC+7) of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + Zone / 24);

    /// <summary>Which of the twelve 30° signs the sun is in at the local midnight that starts the day.</summary>
    private static int SunSign(int julianDay) => (int)Math.Floor(SunLongitude(julianDay - 0.5 - Zone / 24) / Math.PI * 6);

    /// <summary>The start of lunar month 11, the month that holds the winter solstice of <paramref name="year"/>.</summary>
    private static int Month11(int year)
    {
        var off = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var newMoon = NewMoonDay(k);
        return SunSign(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>How many months after month 11 the leap month comes: the first month the sun enters no new sign.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - NewMoonEpoch) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunSign(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunSign(NewMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /// <summary>The instant (Julian day, UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, abridged).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * Radians);
        var sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * Radians;
        var moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * Radians;
        var latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * Radians;
        var correction = (0.1734 - 0.000393 * t) * Math.Sin(sunAnomaly) + 0.0021 * Math.Sin(2 * sunAnomaly)
            - 0.4068 * Math.Sin(moonAnomaly) + 0.0161 * Math.Sin(2 * moonAnomaly) - 0.0004 * Math.Sin(3 * moonAnomaly)
            + 0.0104 * Math.Sin(2 * latitude) - 0.0051 * Math.Sin(sunAnomaly + moonAnomaly)
            - 0.0074 * Math.Sin(sunAnomaly - moonAnomaly) + 0.0004 * Math.Sin(2 * latitude + sunAnomaly)
            - 0.0004 * Math.Sin(2 * latitude - sunAnomaly) - 0.0006 * Math.Sin(2 * latitude + moonAnomaly)
            + 0.0010 * Math.Sin(2 * latitude - moonAnomaly) + 0.0005 * Math.Sin(2 * moonAnomaly + sunAnomaly);
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, [0, 2π), at a Julian day (Meeus, ch. 25, low precision).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        var anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * Radians;
        var meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(anomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * anomaly) + 0.000290 * Math.Sin(3 * anomaly);
        var longitude = (meanLongitude + centre) * Radians;
        return longitude - 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
    }
}
