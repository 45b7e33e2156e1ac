using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Access;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Drafts;

/// <summary>
/// The drafts the Council Office and the committee print: the letter of a ladder rung (for its Office task), and
/// a mission's conclusion notice and results report. Agency people never see a draft (404); a delegation role
/// drafts only for the missions whose delegation lists it (403).
/// </summary>
public sealed class DraftService(MissionFlowDbContext db, DraftComposer composer, FollowUpHistory history, DefinitionCatalog catalog,
    CouncilClock clock, TimeProvider time)
{
    public static IReadOnlySet<string> MissionDrafts { get; } = new HashSet<string> { LetterLibrary.ConclusionNotice, LetterLibrary.ResultsReport };

    /// <summary>The letter for an Office task's rung, about its one recommendation.</summary>
    public async Task<NamedDraft> ForOfficeTaskAsync(Guid taskId, Actor actor, CancellationToken ct)
    {
        var task = actor.AgencyScope() is null ? await db.OfficeTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct) : null;
        var recommendation = task is null ? null
            : await db.Recommendations.AsNoTracking().Include(r => r.Instance).FirstOrDefaultAsync(r => r.Id == task.RecommendationId, ct);
        if (task is null || recommendation is null)
            throw new NotFoundException($"No Office task {taskId}.");
        var mission = await MissionAsync(recommendation.MissionId, actor, ct);
        var values = await ValuesAsync(mission, [recommendation.AgencyId], ct);
        values["rung"] = composer.Library.Wording.Rung(task.Kind);
        var letter = composer.Compose(task.Kind, values, await ItemsAsync([recommendation], ct));
        return new NamedDraft(letter, $"{mission.Code}-{recommendation.Number}-{task.Kind}");
    }

    /// <summary>A mission's conclusion notice (once the conclusion is written) or results report, naming all its recommendations.</summary>
    public async Task<NamedDraft> ForMissionAsync(Guid missionId, string kind, Actor actor, CancellationToken ct)
    {
        if (!MissionDrafts.Contains(kind))
            throw new NotFoundException($"No draft '{kind}'.");
        var mission = await MissionAsync(missionId, actor, ct);
        if (kind == LetterLibrary.ConclusionNotice && mission.Conclusion is null)
            throw new ConflictException($"Mission {mission.Code} has no conclusion yet; write it first.");
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.Instance)
            .Where(r => r.MissionId == missionId).OrderBy(r => r.Number).ToListAsync(ct);
        var values = await ValuesAsync(mission, mission.AgencyIds, ct);
        var letter = composer.Compose(kind, values, await ItemsAsync(recommendations, ct));
        return new NamedDraft(letter, $"{mission.Code}-{kind}");
    }

    private async Task<Mission> MissionAsync(Guid missionId, Actor actor, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == missionId, ct);
        if (mission is null || actor.AgencyScope() is not null)
            throw new NotFoundException($"No mission {missionId}.");
        if (!actor.MayDraftFor(mission))
            throw new ForbiddenException($"Only the Council Office, the committee and the members of mission {mission.Code}'s delegation draft its letters.");
        return mission;
    }

    private async Task<Dictionary<string, string>> ValuesAsync(Mission mission, IReadOnlyCollection<Guid> agencyIds, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Parent).Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync(ct);
        var values = composer.Values();
        values["agency"] = string.Join("; ", agencies.Select(a => a.Name));
        values["superior"] = string.Join("; ", agencies.Select(a => a.Parent?.Name).OfType<string>().Distinct());
        values["mission"] = mission.Code;
        values["missionTitle"] = mission.Title;
        values["conclusionDate"] = mission.Conclusion is { } c ? DraftComposer.Date(c.Date) : "";
        return values;
    }

    private async Task<IReadOnlyList<DraftItem>> ItemsAsync(IReadOnlyList<Recommendation> recommendations, CancellationToken ct)
    {
        var found = await history.ForAsync(recommendations.Select(r => (r.Id, r.InstanceId)).ToList(), ct);
        var today = clock.LocalDate(time.GetUtcNow());
        return recommendations.Select(r => new DraftItem(r.Number, r.Text, r.Deadline, r.OriginalDeadline,
            r.Instance is { } i && !catalog.Get(i.WorkflowId, i.WorkflowVersion).IsFinal(i.State) && r.Deadline < today ? today.DayNumber - r.Deadline.DayNumber : 0,
            found.GetValueOrDefault(r.Id, ItemHistory.None))).ToList();
    }
}

/// <summary>A draft and the file name it downloads under (without extension): the mission's code first.</summary>
public sealed record NamedDraft(DraftLetter Letter, string Name);
