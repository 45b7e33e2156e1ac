namespace MissionFlow.Engine.Calendar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch): day, month (1–12) and year; a leap month repeats its number.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool LeapMonth = false)
{
    public override string ToString() => $"{Day}/{Month}{(LeapMonth ? " nhuận" : "")}";
}
