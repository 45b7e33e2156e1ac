namespace MissionFlow.Engine.Calendar;

/// <summary>
/// The paid public holidays the Labour Code in force on a date grants. Only the Tết and National Day days are
/// left for the Prime Minister to place each year (Labour Code 2019, Art. 112(3)); a holiday on a weekly rest day
/// gives a day off in lieu on the next working day (Art. 111(3); Art. 115(3) of the 2012 code, Art. 73 of 1994).
/// </summary>
public sealed record HolidayLaw(DateOnly InForce, string Citation, int TetDays, int NationalDayDays, bool HungKings)
{
    private static readonly HolidayLaw[] Laws =
    [
        new(new DateOnly(1995, 1, 1), "Labour Code 1994, Art. 73", TetDays: 4, NationalDayDays: 1, HungKings: false),
        new(new DateOnly(2007, 1, 1), "Labour Code 1994, Art. 73 as amended by Law 84/2007/QH11", TetDays: 4, NationalDayDays: 1, HungKings: true),
        new(new DateOnly(2013, 5, 1), "Labour Code 2012, Art. 115", TetDays: 5, NationalDayDays: 1, HungKings: true),
        new(new DateOnly(2021, 1, 1), "Labour Code 2019, Art. 112", TetDays: 5, NationalDayDays: 2, HungKings: true),
    ];

    /// <summary>The law in force on <paramref name="date"/>.</summary>
    public static HolidayLaw On(DateOnly date) => Laws.LastOrDefault(l => l.InForce <= date) ?? Laws[0];
}
