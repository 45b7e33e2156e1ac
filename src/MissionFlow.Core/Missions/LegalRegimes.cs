namespace MissionFlow.Core.Missions;

/// <summary>
/// The laws a mission can run under, by the slug the definitions' "regime" uses ("law-121-2025"), and which one
/// governed a given day: Law 87/2015/QH13 until 28 February 2026, Law 121/2025/QH15 from 1 March 2026.
/// </summary>
public static class LegalRegimes
{
    public static readonly DateOnly Law121InForce = new(2026, 3, 1);

    public static string Slug(this LegalRegime regime) => regime switch
    {
        LegalRegime.Law87Of2015 => "law-87-2015",
        _ => "law-121-2025",
    };

    /// <summary>A request may name a regime by its slug, as the API shows it, or by its enum name.</summary>
    public static string? NameOf(string? value)
    {
        foreach (var regime in Enum.GetValues<LegalRegime>())
            if (string.Equals(regime.Slug(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
                return regime.ToString();
        return value;
    }

    /// <summary>The law's title as a legal basis cites it.</summary>
    public static string Title(this LegalRegime regime) => regime switch
    {
        LegalRegime.Law87Of2015 => "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13",
        _ => "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 121/2025/QH15",
    };

    public static LegalRegime InForceOn(DateOnly day) => day < Law121InForce ? LegalRegime.Law87Of2015 : LegalRegime.Law121Of2025;
}
