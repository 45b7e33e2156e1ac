namespace MissionFlow.Engine.Definitions;

/// <summary>A notification text; "{name}" placeholders are filled from the instance's data.</summary>
public sealed record TemplateDefinition(string Id, LocalizedText Subject, LocalizedText Body);
