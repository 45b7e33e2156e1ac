using MissionFlow.Core.Missions;

namespace MissionFlow.Web.Missions;

/// <summary>
/// What the new-mission form posts; delegation rows left blank are dropped. It names no regime: a mission planned
/// here runs under the law in force today, which the form shows.
/// </summary>
public sealed class MissionForm
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Topic { get; set; }
    public string? LegalBasis { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public List<Guid> AgencyIds { get; set; } = [];
    public List<DelegationRow> Delegation { get; set; } = [];
    public DateOnly? ReportDue { get; set; }
    public DateOnly? OnSiteDate { get; set; }
    public DateOnly? ConclusionDue { get; set; }

    public CreateMissionRequest ToRequest() => new(Code, Title, Topic, PeriodFrom, PeriodTo, LegalBasis, AgencyIds,
        Delegation.Where(d => !string.IsNullOrWhiteSpace(d.Email)).Select(d => new DelegationMemberRequest(d.Email, d.Role, d.Name)).ToList(),
        new ScheduleRequest(ReportDue, OnSiteDate, ConclusionDue));
}
