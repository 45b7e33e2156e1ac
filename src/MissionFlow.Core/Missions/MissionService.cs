using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>The committee's side: plan a mission, record the on-site session, write and issue the conclusion.</summary>
public sealed class MissionService(MissionFlowDbContext db, WorkflowService workflows, DefinitionCatalog catalog, CouncilClock clock, TimeProvider time)
{
    public const string WorkflowId = "supervision-mission";
    public const string FollowUpWorkflowId = "recommendation-followup";

    /// <summary>
    /// Plans a mission in state draft. <see cref="CreateMissionRequest.Imported"/> enters a past mission: its
    /// history is flagged as imported and its recommendations may carry deadlines already passed.
    /// </summary>
    public async Task<Mission> CreateAsync(CreateMissionRequest request, Actor actor, CancellationToken ct = default)
    {
        var imported = request.Imported;
        var code = Require.Text(request.Code, "code", 50);
        var mission = new Mission
        {
            Code = code,
            Title = Require.Text(request.Title, "title", 500),
            Topic = Require.Text(request.Topic, "topic"),
            Regime = Require.Enum(request.Regime, "regime", LegalRegime.Law87Of2015),
            LegalBasis = request.LegalBasis?.Trim() ?? "",
            PeriodFrom = Require.Value(request.PeriodFrom, "periodFrom"),
            PeriodTo = Require.Value(request.PeriodTo, "periodTo"),
            AgencyIds = [.. request.AgencyIds ?? []],
            Delegation = (request.Delegation ?? []).Select((d, i) => new DelegationMember
            {
                Email = Require.Text(d.Email, $"delegation[{i}].email", 256),
                Role = Require.Text(d.Role, $"delegation[{i}].role", 50),
                Name = d.Name?.Trim() ?? "",
            }).ToList(),
            Schedule = new MissionSchedule
            {
                ReportDue = request.Schedule?.ReportDue,
                OnSiteDate = request.Schedule?.OnSiteDate,
                ConclusionDue = request.Schedule?.ConclusionDue,
            },
            Imported = imported,
            CreatedAt = time.GetUtcNow(),
        };
        if (mission.PeriodTo < mission.PeriodFrom)
            throw new InvalidRequestException("periodTo", "'periodTo' must not be before 'periodFrom'.") { Code = "period-order", Args = ["periodTo"] };
        if (mission.AgencyIds.Count == 0)
            throw new InvalidRequestException("agencyIds", "A mission supervises at least one agency.") { Code = "no-agency", Args = ["agencyIds"] };
        var known = await db.Agencies.Where(a => a.Active && mission.AgencyIds.Contains(a.Id)).CountAsync(ct);
        if (known != mission.AgencyIds.Distinct().Count())
            throw new InvalidRequestException("agencyIds", "'agencyIds' names an agency that does not exist or is no longer active.") { Code = "inactive-agency", Args = ["agencyIds"] };
        if (await db.Missions.AnyAsync(m => m.Code == code, ct))
            throw new ConflictException($"A mission with code '{code}' already exists.", "code") { Code = "duplicate-code", Args = ["code", code] };

        mission.InstanceId = workflows.Start(WorkflowId, InstanceData(mission), actor, imported).Id;
        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return mission;
    }

    public async Task<Mission> RecordOnsiteSessionAsync(Guid missionId, OnsiteSessionRequest request, CancellationToken ct = default)
    {
        var mission = await GetAsync(missionId, ct);
        ExpectState(mission, "report-requested", "onsite-held");
        mission.OnsiteSessions.Add(new OnsiteSession
        {
            Date = Require.Value(request.Date, "date"),
            Place = Require.Text(request.Place, "place", 500),
            Attendees = [.. request.Attendees ?? []],
            Figures = (request.Figures ?? []).Select((f, i) => new ReportedFigure
            {
                Name = Require.Text(f.Name, $"figures[{i}].name", 500),
                Value = Require.Value(f.Value, $"figures[{i}].value"),
                Unit = f.Unit?.Trim() ?? "",
                PartOf = string.IsNullOrWhiteSpace(f.PartOf) ? null : f.PartOf.Trim(),
            }).ToList(),
            Minutes = request.Minutes ?? "",
        });
        var figures = mission.OnsiteSessions[^1].Figures;
        for (var i = 0; i < figures.Count; i++)
            if (figures[i].PartOf is { } whole && !figures.Any(f => f.Name == whole))
                throw new InvalidRequestException($"figures[{i}].partOf", $"'{whole}' is not a figure of this session.") { Code = "not-a-figure", Args = ["partOf", whole] };
        await db.SaveChangesAsync(ct);
        return mission;
    }

    /// <summary>Writes (or rewrites) the conclusion and its recommendations while it is still a draft.</summary>
    public async Task<Mission> WriteConclusionAsync(Guid missionId, ConclusionRequest request, CancellationToken ct = default)
    {
        var mission = await GetAsync(missionId, ct);
        ExpectState(mission, "conclusion-drafting");
        var items = request.Recommendations ?? [];
        if (items.Count == 0)
            throw new InvalidRequestException("recommendations", "A conclusion carries at least one recommendation.") { Code = "no-recommendations", Args = ["recommendations"] };
        var recommendations = items.Select((r, i) =>
        {
            var agencyId = Require.Value(r.AgencyId, $"recommendations[{i}].agencyId");
            if (!mission.Imported && r.Deadline < clock.LocalDate(time.GetUtcNow()))
                throw new InvalidRequestException($"recommendations[{i}].deadline",
                    "The deadline has already passed. To enter a past mission, create it with \"imported\": true.") { Code = "deadline-past", Args = ["deadline"] };
            if (!mission.AgencyIds.Contains(agencyId))
                throw new InvalidRequestException($"recommendations[{i}].agencyId", "The agency is not one this mission supervises.") { Code = "agency-not-supervised", Args = ["agencyId"] };
            return new Recommendation
            {
                MissionId = mission.Id,
                Number = i + 1,
                AgencyId = agencyId,
                Text = Require.Text(r.Text, $"recommendations[{i}].text"),
                OriginalDeadline = Require.Value(r.Deadline, $"recommendations[{i}].deadline"),
                Deadline = r.Deadline!.Value,
                DeadlineBasis = Require.Enum(r.DeadlineBasis, $"recommendations[{i}].deadlineBasis", DeadlineBasis.Calendar),
                Priority = Require.Enum(r.Priority, $"recommendations[{i}].priority", Priority.Normal),
            };
        }).ToList();
        mission.Conclusion = new Conclusion
        {
            Date = Require.Value(request.Date, "date"),
            Signer = Require.Text(request.Signer, "signer", 200),
            Achievements = request.Achievements ?? "",
            Shortcomings = [.. request.Shortcomings ?? []],
        };
        db.Recommendations.RemoveRange(mission.Recommendations);
        mission.Recommendations.Clear();
        mission.Recommendations.AddRange(recommendations);
        await db.SaveChangesAsync(ct);
        return mission;
    }

    public async Task<IReadOnlyList<string>> AvailableActionsAsync(Guid missionId, Actor actor, CancellationToken ct = default)
    {
        var mission = await GetAsync(missionId, ct);
        return (await workflows.AvailableAsync(mission.Instance, actor, MissionFacts.Of(mission, catalog.Get), ct)).Select(t => t.Trigger).Distinct().ToList();
    }

    /// <summary>Fires a mission trigger; issuing the conclusion starts one follow-up instance per recommendation in the same transaction.</summary>
    public async Task<Mission> FireAsync(Guid missionId, string trigger, Actor actor, IReadOnlyDictionary<string, string?> input, CancellationToken ct = default)
    {
        var mission = await GetAsync(missionId, ct);
        var facts = MissionFacts.Of(mission, catalog.Get);
        await workflows.FireAsync(mission.Instance, trigger, actor, input, facts, async (transition, _) =>
        {
            switch (transition.Spawn)
            {
                case { Per: "recommendation" } spawn:
                    IssueConclusion(mission, spawn.Workflow, actor);
                    break;
                case { Per: "resupervision" } spawn:
                    await PlanResupervisionAsync(mission, spawn.Workflow, actor, ct);
                    break;
            }
        }, imported: IsHistory(mission), ct);
        return mission;
    }

    /// <summary>An imported mission's steps up to its conclusion's issue are history entered after the fact.</summary>
    private static bool IsHistory(Mission mission) => mission.Imported && mission.Conclusion?.IssuedAt is null;

    /// <summary>The mission planned to re-supervise this one, if any.</summary>
    public async Task<Guid?> ResupervisionOfAsync(Guid missionId, CancellationToken ct = default) =>
        await db.Missions.Where(m => m.PreviousMissionId == missionId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Opens a draft mission linked to this one for the recommendations not done (still open, or closed with a
    /// result other than "done"); it copies agencies, delegation and legal frame, and lists those items.
    /// </summary>
    private async Task PlanResupervisionAsync(Mission previous, string workflow, Actor actor, CancellationToken ct)
    {
        var notDone = previous.Recommendations
            .Where(r => r.Instance is not { } i || !catalog.Get(i.WorkflowId, i.WorkflowVersion).IsFinal(i.State) || i.Data.GetValueOrDefault("result") != "done")
            .Select(r => r.Number)
            .ToList();
        var code = $"{previous.Code}-TGS";
        for (var n = 2; await db.Missions.AnyAsync(m => m.Code == code, ct); n++)
            code = $"{previous.Code}-TGS{n}";
        var next = new Mission
        {
            Code = code,
            Title = $"Tái giám sát: {previous.Title}",
            Topic = $"Tái giám sát việc thực hiện các kiến nghị chưa hoàn thành của cuộc giám sát {previous.Code}: số {string.Join(", ", notDone)}.",
            Regime = previous.Regime,
            LegalBasis = previous.LegalBasis,
            PeriodFrom = previous.PeriodFrom,
            PeriodTo = previous.PeriodTo,
            AgencyIds = [.. previous.AgencyIds],
            Delegation = previous.Delegation.Select(d => new DelegationMember { Email = d.Email, Name = d.Name, Role = d.Role }).ToList(),
            PreviousMissionId = previous.Id,
            CreatedAt = time.GetUtcNow(),
        };
        next.InstanceId = workflows.Start(workflow, InstanceData(next), actor).Id;
        db.Missions.Add(next);
    }

    private void IssueConclusion(Mission mission, string followUpWorkflow, Actor actor)
    {
        mission.Conclusion!.IssuedAt = time.GetUtcNow();
        foreach (var recommendation in mission.Recommendations)
        {
            var instance = workflows.Start(followUpWorkflow, new Dictionary<string, string>
            {
                ["agencyId"] = recommendation.AgencyId.ToString(),
                ["deadline"] = recommendation.OriginalDeadline.ToString("yyyy-MM-dd"),
                ["missionCode"] = mission.Code,
                ["number"] = recommendation.Number.ToString(),
                ["text"] = recommendation.Text,
            }, actor, mission.Imported);
            recommendation.InstanceId = instance.Id;
        }
    }

    public async Task<Mission> GetAsync(Guid missionId, CancellationToken ct) =>
        await db.Missions
            .Include(m => m.Instance)
            .Include(m => m.Recommendations.OrderBy(r => r.Number)).ThenInclude(r => r.Instance)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == missionId, ct)
        ?? throw new NotFoundException($"No mission {missionId}.");

    private static void ExpectState(Mission mission, params string[] states)
    {
        if (!states.Contains(mission.Instance.State))
            throw new ConflictException($"The mission is '{mission.Instance.State}'; this is allowed only when it is {string.Join(" or ", states.Select(s => $"'{s}'"))}.");
    }

    private static Dictionary<string, string> InstanceData(Mission mission)
    {
        var data = new Dictionary<string, string> { ["missionCode"] = mission.Code, ["title"] = mission.Title };
        if (mission.Schedule.ReportDue is { } reportDue)
            data["reportDue"] = reportDue.ToString("yyyy-MM-dd");
        if (mission.Schedule.ConclusionDue is { } conclusionDue)
            data["conclusionDue"] = conclusionDue.ToString("yyyy-MM-dd");
        return data;
    }
}
