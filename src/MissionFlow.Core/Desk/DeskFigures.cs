namespace MissionFlow.Core.Desk;

/// <summary>
/// What the committee's desk counts, in the database's words (state and result ids, agency ids): the page names
/// them in the reader's language, so one set of figures serves every reader.
/// </summary>
public sealed record DeskFigures(
    IReadOnlyList<StateTally> MissionsByState,
    IReadOnlyList<StateTally> RecommendationsByState,
    IReadOnlyDictionary<string, int> RecommendationsByResult,
    IReadOnlyList<AgencyTally> OverdueByAgency,
    int Closed,
    int ClosedOnTime,
    IReadOnlyList<MissionDate> MissionDates,
    IReadOnlyList<DueRecommendation> DueSoon,
    int DueSoonCount)
{
    public decimal? OnTimeClosureRate => Closed == 0 ? null : Math.Round(ClosedOnTime * 100m / Closed, 1);
}

/// <summary>How many are in <see cref="State"/>; <see cref="Version"/> is the newest definition version among them, which names the state.</summary>
public sealed record StateTally(string State, int Version, int Count);

public sealed record AgencyTally(Guid AgencyId, string Agency, int Count);

public enum MissionDateKind { ReportDue, OnSite, ConclusionDue }

/// <summary>A running mission's report, session or conclusion date within the next days.</summary>
public sealed record MissionDate(DateOnly Date, MissionDateKind Kind, Guid MissionId, string Code, string Title);

/// <summary>An open recommendation whose deadline falls within the next days.</summary>
public sealed record DueRecommendation(DateOnly Deadline, Guid Id, int Number, string Text, string MissionCode);
