using System.Globalization;
using System.Text.RegularExpressions;

namespace MissionFlow.Engine.Definitions;

/// <summary>A signed whole number of calendar ("d") or working ("wd") days, written like "-15wd" or "+1d".</summary>
public readonly partial record struct DayOffset(int Days, bool WorkingDays)
{
    public static bool TryParse(string text, out DayOffset offset)
    {
        var match = Pattern().Match(text);
        offset = default;
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            return false;
        offset = new DayOffset(days, match.Groups["unit"].Value == "wd");
        return true;
    }

    public static DayOffset Parse(string text) =>
        TryParse(text, out var offset) ? offset : throw new FormatException($"'{text}' is not a day offset such as -15wd or +1d.");

    public override string ToString() => $"{(Days >= 0 ? "+" : "")}{Days}{(WorkingDays ? "wd" : "d")}";

    [GeneratedRegex(@"^(?<n>[+-]?\d{1,4})(?<unit>wd|d)$")]
    private static partial Regex Pattern();
}
