using MissionFlow.Engine.Definitions;

namespace MissionFlow.Engine.Calendar;

/// <summary>Every announced year of a folder, or none: a folder with any error loads nothing.</summary>
public sealed record CalendarLoadResult(IReadOnlyList<CalendarYear> Years, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
