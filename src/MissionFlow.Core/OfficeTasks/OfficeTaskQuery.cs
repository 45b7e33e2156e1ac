using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Access;
using MissionFlow.Core.Common;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.OfficeTasks;

/// <summary>Which Office tasks a list shows: by state ("open", "done"…), overdue or not, mission, agency; one page of them.</summary>
public sealed record OfficeTaskFilter(string? State, bool? Overdue, Guid? MissionId, Guid? AgencyId, int Page = 1, int PageSize = 50);

/// <summary>One rung of one item as the Office's list shows it.</summary>
public sealed record OfficeTaskRow(
    Guid Id, Guid RecommendationId, Guid MissionId, string MissionCode, int Number, Guid AgencyId, string Kind, int Level, string State,
    DateOnly? DueDate, bool Overdue, string? DocumentNumber, DateOnly? DocumentDate, string? Signer, Guid? FileId, bool Complex, string? Reason);

/// <summary>
/// The Office's list and a recommendation's ladder. The council's Office, the committee and the admin see every
/// task; a delegation role only those of the missions listing that person; agency people none (403).
/// </summary>
public sealed class OfficeTaskQuery(MissionFlowDbContext db, WorkflowService workflows, CouncilClock clock, TimeProvider time)
{
    public static readonly IReadOnlySet<string> Readers = new HashSet<string> { Roles.Admin, Roles.Committee, Roles.CouncilOffice };

    public async Task<Paged<OfficeTaskRow>> ListAsync(OfficeTaskFilter filter, Actor actor, CancellationToken ct = default)
    {
        Paging.Check(filter.Page, filter.PageSize);
        if (actor.AgencyScope() is not null || !actor.Roles.Any(r => Readers.Contains(r) || Roles.IsDelegationRole(r)))
            throw new ForbiddenException("The Council Office's tasks are for the council's people.");
        var state = filter.State is null ? (OfficeTaskState?)null
            : Enum.TryParse<OfficeTaskState>(filter.State, ignoreCase: true, out var parsed) && filter.State.All(char.IsLetter) ? parsed
            : throw new InvalidRequestException("state", "'state' is one of open, done, scheduled, skipped, stopped.") { Code = "choice", Args = ["state"] };
        var today = clock.LocalDate(time.GetUtcNow());

        var query = from t in db.OfficeTasks.AsNoTracking()
                    join r in db.Recommendations on t.RecommendationId equals r.Id
                    join m in db.Missions on r.MissionId equals m.Id
                    select new { Task = t, Recommendation = r, Mission = m };
        if (!actor.Roles.Any(Readers.Contains))
        {
            var email = actor.Id.ToLowerInvariant();
            // Translated to SQL's LOWER(): the database compares, so no .NET culture or StringComparison applies.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(x => x.Mission.Delegation.Any(d => d.Email.ToLower() == email));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (state is { } s)
            query = query.Where(x => x.Task.State == s);
        if (filter.Overdue == true)
            query = query.Where(x => x.Task.State == OfficeTaskState.Open && x.Task.DueDate < today);
        else if (filter.Overdue == false)
            query = query.Where(x => x.Task.State != OfficeTaskState.Open || x.Task.DueDate >= today);
        if (filter.MissionId is { } mission)
            query = query.Where(x => x.Mission.Id == mission);
        if (filter.AgencyId is { } agency)
            query = query.Where(x => x.Recommendation.AgencyId == agency);

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(x => x.Task.DueDate).ThenBy(x => x.Mission.Code).ThenBy(x => x.Recommendation.Number).ThenBy(x => x.Task.Level)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(x => new { x.Task, x.Recommendation.MissionId, x.Mission.Code, x.Recommendation.Number, x.Recommendation.AgencyId })
            .ToListAsync(ct);
        return new Paged<OfficeTaskRow>(items.Select(x => Row(x.Task, x.MissionId, x.Code, x.Number, x.AgencyId, today)).ToList(), filter.Page, filter.PageSize, total);
    }

    /// <summary>The rungs of an item's ladder in order, each with its task where one was written; empty off a ladder.</summary>
    public async Task<IReadOnlyList<LadderRungView>> LadderAsync(Recommendation recommendation, CancellationToken ct = default)
    {
        if (recommendation.Instance is not { } instance || workflows.DefinitionOf(instance).Ladder is not { } ladder)
            return [];
        var tasks = await db.OfficeTasks.AsNoTracking().Where(t => t.RecommendationId == recommendation.Id).ToListAsync(ct);
        var today = clock.LocalDate(time.GetUtcNow());
        return ladder.Rungs.Select((rung, i) =>
        {
            var task = tasks.FirstOrDefault(t => t.Kind == rung.Id);
            return new LadderRungView(rung.Id, i + 1, rung.Name.Vi, rung.Name.En, task is null ? "pending" : Name(task.State), task?.Id, task?.DueDate,
                task is { State: OfficeTaskState.Open } && task.DueDate < today, task?.DocumentNumber, task?.DocumentDate, task?.Signer, task?.FileId,
                task?.Complex ?? false, task?.Reason);
        }).ToList();
    }

    private static OfficeTaskRow Row(OfficeTask t, Guid missionId, string missionCode, int number, Guid agencyId, DateOnly today) =>
        new(t.Id, t.RecommendationId, missionId, missionCode, number, agencyId, t.Kind, t.Level, Name(t.State), t.DueDate,
            t.State == OfficeTaskState.Open && t.DueDate < today, t.DocumentNumber, t.DocumentDate, t.Signer, t.FileId, t.Complex, t.Reason);

    private static string Name(OfficeTaskState state) => state.ToString().ToLowerInvariant();
}

/// <summary>
/// One rung of an item's ladder: "pending" before it was scheduled, else its task's state, with the recorded
/// letter's number, date, signer and signed file.
/// </summary>
public sealed record LadderRungView(
    string Rung, int Level, string NameVi, string NameEn, string State, Guid? TaskId, DateOnly? DueDate, bool Overdue,
    string? DocumentNumber, DateOnly? DocumentDate, string? Signer, Guid? FileId, bool Complex, string? Reason);
