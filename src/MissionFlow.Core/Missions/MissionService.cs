using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Access;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>The committee's side: plan a mission, record the on-site session, write and issue the conclusion.</summary>
public sealed partial class MissionService(
    MissionFlowDbContext db, WorkflowService workflows, TransitionStore store, Documents.DocumentService documents, DefinitionCatalog catalog, StampedCache cache,
    CouncilClock clock, TimeProvider time)
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
        var code = Require.Text(request.Code, "code", InputLimits.Code);
        var mission = new Mission
        {
            Code = code,
            Title = Require.Text(request.Title, "title", InputLimits.Line),
            Topic = Require.Text(request.Topic, "topic", InputLimits.Paragraph),
            Regime = RegimeOf(request),
            LegalBasis = Require.OptionalText(request.LegalBasis, "legalBasis", InputLimits.Section),
            PeriodFrom = Require.Value(request.PeriodFrom, "periodFrom"),
            PeriodTo = Require.Value(request.PeriodTo, "periodTo"),
            AgencyIds = [.. Require.AtMost(request.AgencyIds, "agencyIds", InputLimits.ManyItems)],
            Delegation = Require.AtMost(request.Delegation, "delegation", InputLimits.ListItems).Select((d, i) => new DelegationMember
            {
                Email = Require.Text(d.Email, $"delegation[{i}].email", InputLimits.Email),
                Role = Require.Text(d.Role, $"delegation[{i}].role", InputLimits.Code),
                Name = Require.OptionalText(d.Name, $"delegation[{i}].name", InputLimits.PersonName),
            }).ToList(),
            Schedule = new MissionSchedule
            {
                ReportDue = request.Schedule?.ReportDue,
                OnSiteDate = request.Schedule?.OnSiteDate,
                ConclusionDue = request.Schedule?.ConclusionDue,
                ReportDueAssumed = request.Schedule is { ReportDue: not null, ReportDueAssumed: true },
                ConclusionDueAssumed = request.Schedule is { ConclusionDue: not null, ConclusionDueAssumed: true },
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

        mission.InstanceId = workflows.Start(WorkflowId, mission.Regime.Slug(), InstanceData(mission), actor, imported).Id;
        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return mission;
    }

    /// <summary>
    /// A mission planned now runs under the law in force today; an imported one names the law it ran under, since
    /// its dates alone do not say which (a 2025 mission may have been concluded under Law 87/2015 and followed up
    /// under Law 121/2025 — the council records the regime its workflow went on).
    /// </summary>
    private LegalRegime RegimeOf(CreateMissionRequest request)
    {
        var inForce = LegalRegimes.InForceOn(clock.LocalDate(time.GetUtcNow()));
        if (request.Imported && string.IsNullOrWhiteSpace(request.Regime))
            throw new InvalidRequestException("regime", "An imported mission names the law it ran under: 'law-87-2015' or 'law-121-2025'.") { Code = "required", Args = ["regime"] };
        var regime = Require.Enum(LegalRegimes.NameOf(request.Regime), "regime", inForce);
        if (!request.Imported && regime != inForce)
            throw new InvalidRequestException("regime", $"A mission planned today runs under the law in force today, '{inForce.Slug()}'; only an imported mission names another.")
                { Code = "regime-not-in-force", Args = ["regime"] };
        return regime;
    }

    /// <summary>What <paramref name="actor"/> may fire now: nothing on a mission they only read.</summary>
    public async Task<IReadOnlyList<string>> AvailableActionsAsync(Guid missionId, Actor actor, CancellationToken ct = default)
    {
        var mission = await GetAsync(missionId, ct);
        if (!actor.MaySee(mission))
            throw new NotFoundException($"No mission {missionId}.");
        if (!actor.MayActOn(mission))
            return [];
        return workflows.Available(mission.Instance, actor, MissionFacts.Of(mission, catalog.Get)).Select(t => t.Trigger).Distinct().ToList();
    }

    /// <summary>Fires a mission trigger; issuing the conclusion starts one follow-up instance per recommendation in the same transaction.</summary>
    public async Task<Mission> FireAsync(Guid missionId, string trigger, Actor actor, IReadOnlyDictionary<string, string?> input, CancellationToken ct = default)
    {
        await using var _ = await HeldConnection.OpenAsync(db, ct);
        var mission = await ForCommandAsync(missionId, actor, ct);
        var facts = MissionFacts.Of(mission, catalog.Get);
        var decision = await workflows.DecideAsync(mission.Instance, trigger, actor, input, facts, IsHistory(mission), ct);
        switch (decision.Transition.Spawn)
        {
            case { Per: "recommendation" } spawn:
                IssueConclusion(mission, spawn.Workflow, actor);
                break;
            case { Per: "resupervision" } spawn:
                await PlanResupervisionAsync(mission, spawn.Workflow, actor, ct);
                break;
        }
        await store.WriteAsync(decision, TransitionEffects.None, ct);
        return mission;
    }

    /// <summary>An imported mission's steps up to its conclusion's issue are history entered after the fact.</summary>
    private static bool IsHistory(Mission mission) => mission.Imported && mission.Conclusion?.IssuedAt is null;

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
            data["reportDue"] = DataDates.Write(reportDue);
        if (mission.Schedule.ConclusionDue is { } conclusionDue)
            data["conclusionDue"] = DataDates.Write(conclusionDue);
        return data;
    }
}
