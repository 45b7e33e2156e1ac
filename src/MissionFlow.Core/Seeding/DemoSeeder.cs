using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Seeding;

/// <summary>
/// Fills an empty database with the demo accounts, the reference mission replayed through the workflow as imported
/// history, and a current mission under Law 121/2025 in follow-up. A database that has any agency is left alone.
/// </summary>
public sealed class DemoSeeder(MissionFlowDbContext db, AgencyService agencies, MissionService missions, PeopleService people, DemoFollowUp followUp,
    CouncilClock clock, TimeProvider time)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(ct))
            return false;
        // One transaction: a seed that fails half-way leaves an empty database, seeded again at the next start.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await agencies.CreateAsync(new CreateAgencyRequest("UBND-TH", "Ủy ban nhân dân tỉnh Thanh Hóa", "ubnd@thanhhoa.missionflow.local", "chutich.ubnd@thanhhoa.missionflow.local", null), ct);
        var sct = await agencies.CreateAsync(new CreateAgencyRequest("SCT-TH", "Sở Công Thương tỉnh Thanh Hóa", "socongthuong@missionflow.local", "giamdoc.socongthuong@missionflow.local", "UBND-TH"), ct);
        await DemoAccounts.SeedAsync(people, sct, ct);

        var actor = new Actor("thuongtruc@missionflow.local", new HashSet<string> { Roles.Committee });
        var mission = await missions.CreateAsync(ReferenceMission.Plan(sct.Id), actor, ct);
        await missions.FireAsync(mission.Id, "approve-plan", actor, NoInput, ct);
        await missions.FireAsync(mission.Id, "request-report", actor, NoInput, ct);
        await missions.RecordOnsiteSessionAsync(mission.Id, ReferenceMission.Session(), actor, ct);
        await missions.FireAsync(mission.Id, "hold-onsite", actor, NoInput, ct);
        await missions.FireAsync(mission.Id, "draft-conclusion", actor, NoInput, ct);
        await missions.WriteConclusionAsync(mission.Id, ReferenceMission.Conclusion(sct.Id), actor, ct);
        await missions.FireAsync(mission.Id, "issue-conclusion", actor, NoInput, ct);

        var anchor = CurrentMission.Anchor(clock.LocalDate(time.GetUtcNow()));
        var current = await missions.CreateAsync(CurrentMission.Plan(sct.Id, anchor), actor, ct);
        await missions.FireAsync(current.Id, "approve-plan", actor, NoInput, ct);
        await missions.FireAsync(current.Id, "request-report", actor, NoInput, ct);
        await missions.RecordOnsiteSessionAsync(current.Id, CurrentMission.Session(anchor), actor, ct);
        await missions.FireAsync(current.Id, "hold-onsite", actor, NoInput, ct);
        await missions.FireAsync(current.Id, "draft-conclusion", actor, NoInput, ct);
        await missions.WriteConclusionAsync(current.Id, CurrentMission.Conclusion(sct.Id, anchor), actor, ct);
        await missions.FireAsync(current.Id, "issue-conclusion", actor, NoInput, ct);
        await followUp.RunAsync(current, sct.Id, anchor, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static readonly Dictionary<string, string?> NoInput = [];
}
