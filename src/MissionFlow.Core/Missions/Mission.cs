using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Missions;

/// <summary>A supervision mission of the standing committee, driven by the supervision-mission workflow.</summary>
public sealed class Mission
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Topic { get; set; }
    public LegalRegime Regime { get; set; } = LegalRegime.Law87Of2015;
    public string LegalBasis { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public MissionSchedule Schedule { get; set; } = new();
    public List<DelegationMember> Delegation { get; set; } = [];
    public List<Guid> AgencyIds { get; set; } = [];
    public List<OnsiteSession> OnsiteSessions { get; set; } = [];
    public Conclusion? Conclusion { get; set; }
    public List<Recommendation> Recommendations { get; set; } = [];
    public Guid InstanceId { get; set; }
    public WorkflowInstance Instance { get; init; } = null!;
    public bool Imported { get; init; }

    /// <summary>The mission this one re-supervises (tái giám sát), for the recommendations not done there.</summary>
    public Guid? PreviousMissionId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public enum LegalRegime { Law87Of2015, Law121Of2025 }

public sealed class MissionSchedule
{
    public DateOnly? ReportDue { get; set; }
    public DateOnly? OnSiteDate { get; set; }
    public DateOnly? ConclusionDue { get; set; }

    /// <summary>The report's due date was set by whoever entered the mission, not given by its source.</summary>
    public bool ReportDueAssumed { get; set; }
    public bool ConclusionDueAssumed { get; set; }
}

public sealed class DelegationMember
{
    public required string Email { get; set; }
    public string Name { get; set; } = "";
    public required string Role { get; set; }
}
