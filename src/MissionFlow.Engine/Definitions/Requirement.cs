namespace MissionFlow.Engine.Definitions;

/// <summary>
/// A fact the host must vouch for before a trigger fires (say, "conclusion-written"); the engine cannot see
/// the mission's documents, so the host states which facts hold. <see cref="UnlessInput"/> names an input that,
/// when given, stands in for the fact (closing a mission early with a reason).
/// </summary>
public sealed record Requirement(string Fact, string? UnlessInput = null);
