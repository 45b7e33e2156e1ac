using System.Text.Json;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Missions;

public sealed record WorkflowRef(string Id, int Version);

/// <summary>A mission in a list; the counts are of the issued recommendations the reader may see.</summary>
public sealed record MissionSummary(Guid Id, string Code, string Title, string State, WorkflowRef Workflow, IReadOnlyList<Guid> AgencyIds, bool Imported,
    int Recommendations, int Overdue)
{
    public static MissionSummary Of(MissionListItem item)
    {
        var m = item.Mission;
        return new(m.Id, m.Code, m.Title, m.Instance.State, new WorkflowRef(m.Instance.WorkflowId, m.Instance.WorkflowVersion), m.AgencyIds, m.Imported,
            item.Recommendations, item.Overdue);
    }
}

public sealed record MissionView(
    Guid Id,
    string Code,
    string Title,
    string Topic,
    string Regime,
    string LegalBasis,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    string State,
    WorkflowRef Workflow,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<DelegationMember> Delegation,
    MissionSchedule Schedule,
    IReadOnlyList<OnsiteSessionView> OnsiteSessions,
    Conclusion? Conclusion,
    IReadOnlyList<RecommendationSummary> Recommendations,
    MissionRollup Rollup,
    bool Imported,
    Guid? PreviousMissionId,
    Guid? ResupervisionMissionId)
{
    public static MissionView Of(Mission m, MissionRollup rollup, Guid? resupervision) => new(
        m.Id, m.Code, m.Title, m.Topic, m.Regime.Slug(), m.LegalBasis,
        m.PeriodFrom, m.PeriodTo, m.Instance.State, new WorkflowRef(m.Instance.WorkflowId, m.Instance.WorkflowVersion),
        m.AgencyIds, m.Delegation, m.Schedule, m.OnsiteSessions.Select(OnsiteSessionView.Of).ToList(), m.Conclusion,
        m.Recommendations.OrderBy(r => r.Number).Select(RecommendationSummary.Of).ToList(), rollup, m.Imported, m.PreviousMissionId, resupervision);
}

public sealed record OnsiteSessionView(DateOnly Date, string Place, IReadOnlyList<string> Attendees, IReadOnlyList<FigureView> Figures,
    IReadOnlyList<FigureGap> Gaps, string Minutes)
{
    public static OnsiteSessionView Of(OnsiteSession s) =>
        new(s.Date, s.Place, s.Attendees, s.Figures.Select(f => FigureView.Of(f, s.Figures)).ToList(), FigureGap.In(s.Figures), s.Minutes);
}

/// <summary>A reported figure; <see cref="Rate"/> is the percentage of the figure it is part of, rounded to 2 places.</summary>
public sealed record FigureView(string Name, decimal Value, string Unit, string? PartOf, decimal? Rate, string? Qualifier)
{
    public static FigureView Of(ReportedFigure f, IReadOnlyList<ReportedFigure> all)
    {
        var whole = f.PartOf is null ? null : all.FirstOrDefault(w => w.Name == f.PartOf);
        decimal? rate = whole is { Value: > 0 } ? Math.Round(f.Value * 100m / whole.Value, 2, MidpointRounding.AwayFromZero) : null;
        return new(f.Name, f.Value, f.Unit, f.PartOf, rate, f.Qualifier);
    }
}

public sealed record RecommendationSummary(Guid Id, int Number, Guid AgencyId, string Text, DateOnly Deadline, string DeadlineBasis, string Priority, string? State, int EscalationLevel,
    string? Field, string? Result)
{
    public static RecommendationSummary Of(Recommendation r) => new(
        r.Id, r.Number, r.AgencyId, r.Text, r.Deadline, r.DeadlineBasis.ToString().ToLowerInvariant(),
        r.Priority.ToString().ToLowerInvariant(), r.Instance?.State, r.EscalationLevel, r.Field, r.Result);
}

public sealed record JournalView(DateTimeOffset At, string Actor, string Trigger, string? From, string To, string? Comment, IReadOnlyDictionary<string, string> Input, bool Imported)
{
    public static JournalView Of(JournalEntry j) => new(
        j.At, j.Actor, j.Trigger, j.FromState, j.ToState, j.Comment,
        JsonSerializer.Deserialize<Dictionary<string, string>>(j.InputJson) ?? [], j.Imported);
}
