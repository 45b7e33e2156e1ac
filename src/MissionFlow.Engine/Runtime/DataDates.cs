using System.Globalization;

namespace MissionFlow.Engine.Runtime;

/// <summary>How a date is written in an instance's data (timers anchor on it): yyyy-MM-dd, whatever the host's culture.</summary>
public static class DataDates
{
    public const string Format = "yyyy-MM-dd";

    public static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
