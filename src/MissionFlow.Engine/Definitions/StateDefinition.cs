namespace MissionFlow.Engine.Definitions;

public sealed record StateDefinition(string Id, LocalizedText Name, bool Final = false);
