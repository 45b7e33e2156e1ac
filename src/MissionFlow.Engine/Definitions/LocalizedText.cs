namespace MissionFlow.Engine.Definitions;

/// <summary>A text in Vietnamese, the users' language, with English beside it.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
