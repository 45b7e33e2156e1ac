using Microsoft.EntityFrameworkCore;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>Re-supervision (tái giám sát): a new mission, linked to this one, for the recommendations not done.</summary>
public sealed partial class MissionService
{
    /// <summary>The mission planned to re-supervise this one, if any.</summary>
    public async Task<Guid?> ResupervisionOfAsync(Guid missionId, CancellationToken ct = default) =>
        await db.Missions.Where(m => m.PreviousMissionId == missionId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Opens a draft mission linked to this one for the recommendations not done (still open, or closed with a
    /// result other than "done"); it copies agencies and delegation, and lists those items. It supervises what was
    /// done after the conclusion, so its period runs from the conclusion's date to the day it is planned, and it
    /// runs under the law in force that day, whatever the law of the mission it re-supervises.
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
        var today = clock.LocalDate(time.GetUtcNow());
        var regime = LegalRegimes.InForceOn(today);
        var next = new Mission
        {
            Code = code,
            Title = $"Tái giám sát: {previous.Title}",
            Topic = $"Tái giám sát việc thực hiện các kiến nghị chưa hoàn thành của cuộc giám sát {previous.Code}: số {string.Join(", ", notDone)}.",
            Regime = regime,
            LegalBasis = regime == previous.Regime ? previous.LegalBasis : regime.Title(),
            PeriodFrom = previous.Conclusion!.Date,
            PeriodTo = today,
            AgencyIds = [.. previous.AgencyIds],
            Delegation = previous.Delegation.Select(d => new DelegationMember { Email = d.Email, Name = d.Name, Role = d.Role }).ToList(),
            PreviousMissionId = previous.Id,
            CreatedAt = time.GetUtcNow(),
        };
        next.InstanceId = workflows.Start(workflow, regime.Slug(), InstanceData(next), actor).Id;
        db.Missions.Add(next);
    }
}
