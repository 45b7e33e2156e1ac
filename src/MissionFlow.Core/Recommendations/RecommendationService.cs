using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Access;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Recommendations;

/// <summary>The agencies' side: their inbox, the follow-up actions, evidence; and the committee's verification.</summary>
public sealed class RecommendationService(
    MissionFlowDbContext db,
    WorkflowService workflows,
    TransitionStore store,
    DocumentService documents,
    LadderBook ladder,
    DefinitionCatalog catalog,
    StampedCache counts,
    CouncilClock clock,
    TimeProvider time)
{
    /// <summary>The instance data key, and the journal input, holding a verification's result.</summary>
    public const string ResultKey = "result";

    public DateOnly Today => clock.LocalDate(time.GetUtcNow());

    /// <summary>Most urgent first (<see cref="UrgencyOrder"/>).</summary>
    public async Task<Paged<Recommendation>> ListAsync(RecommendationFilter filter, CancellationToken ct = default)
    {
        Paging.Check(filter.Page, filter.PageSize);
        var (total, _) = await CountAsync(filter, ct);
        var items = await Filtered(filter).MostUrgentFirst()
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Include(r => r.Instance)
            .ToListAsync(ct);
        return new Paged<Recommendation>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>
    /// How many issued recommendations <paramref name="filter"/> matches (its page aside), and how many of those are
    /// overdue: counted in the database, kept until a write commits.
    /// </summary>
    public Task<(int Total, int Overdue)> CountAsync(RecommendationFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        var matched = Filtered(filter);
        return counts.GetAsync((nameof(CountAsync), filter with { Page = 1, PageSize = 1 }, today), async c =>
            (await matched.CountAsync(c), await matched.OverdueOn(today).CountAsync(c))).WaitAsync(ct);
    }

    /// <summary>
    /// The issued recommendations <paramref name="filter"/> matches (its page aside), as a query the caller pages,
    /// counts or streams in the database; agency scope is applied here so every list keeps it.
    /// </summary>
    public IQueryable<Recommendation> Filtered(RecommendationFilter filter)
    {
        if (filter.DueWithinDays is < 0)
            throw new InvalidRequestException("dueWithinDays", "'dueWithinDays' cannot be negative.");

        var query = db.Recommendations.AsNoTracking().Where(r => r.InstanceId != null);
        if (filter.ScopeAgency is { } scope)
            query = query.Where(r => r.AgencyId == scope);
        if (filter.AgencyId is { } agency)
            query = query.Where(r => r.AgencyId == agency);
        if (filter.MissionId is { } mission)
            query = query.Where(r => r.MissionId == mission);
        if (!string.IsNullOrWhiteSpace(filter.Field))
            query = query.Where(r => r.Field == filter.Field);
        if (!string.IsNullOrWhiteSpace(filter.State))
            query = query.Where(r => r.Instance!.State == filter.State);
        var today = Today;
        if (filter.Overdue == true)
            query = query.OverdueOn(today);
        else if (filter.Overdue == false)
            query = query.Where(r => r.Deadline >= today || r.Closed);
        if (filter.DueWithinDays is { } days)
            query = query.DueBetween(today, today.AddDays(days));
        return query;
    }

    /// <summary>The recommendation, if the caller may see it: another agency's is "not found", never "forbidden".</summary>
    public Task<Recommendation> GetAsync(Guid id, Guid? scopeAgency, CancellationToken ct = default) => FindAsync(id, scopeAgency, tracked: true, ct);

    private async Task<Recommendation> FindAsync(Guid id, Guid? scopeAgency, bool tracked, CancellationToken ct)
    {
        var recommendations = tracked ? db.Recommendations : db.Recommendations.AsNoTracking();
        var recommendation = await recommendations.Include(r => r.Instance).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation?.Instance is null || (scopeAgency is { } agency && recommendation.AgencyId != agency))
            throw new NotFoundException($"No recommendation {id}.");
        return recommendation;
    }

    public bool IsOverdue(Recommendation r) => r.InstanceId is not null && !r.Closed && r.Deadline < Today;

    public async Task<IReadOnlyList<string>> AvailableActionsAsync(Guid id, Actor actor, Guid? scopeAgency, CancellationToken ct = default)
    {
        var recommendation = await GetAsync(id, scopeAgency, ct);
        if (!await MayActAsync(recommendation, actor, ct))
            return [];
        return workflows.Available(recommendation.Instance!, actor).Select(t => t.Trigger).Distinct().ToList();
    }

    /// <summary>
    /// Fires a follow-up trigger. Files sent with it are stored as evidence attached to its journal entry, the
    /// recommendation's mirror columns follow the instance, and the ladder follows the transition, all in the
    /// transition's transaction.
    /// </summary>
    public Task<Recommendation> FireAsync(Guid id, string trigger, Actor actor, IReadOnlyDictionary<string, string?> input,
        IReadOnlyList<FileUpload> files, Guid? scopeAgency, CancellationToken ct = default) =>
        ForgetOnFailureAsync(() => FireUntrackedAsync(id, trigger, actor, input, files, scopeAgency, ct));

    private async Task<Recommendation> FireUntrackedAsync(Guid id, string trigger, Actor actor, IReadOnlyDictionary<string, string?> input,
        IReadOnlyList<FileUpload> files, Guid? scopeAgency, CancellationToken ct)
    {
        await using var _ = await HeldConnection.OpenAsync(db, ct);
        // Read untracked: the store writes the instance and the mirror columns, and nothing else may.
        var recommendation = await FindAsync(id, scopeAgency, tracked: false, ct);
        await EnsureMayActAsync(recommendation, actor, ct);
        if (files.Count > 0 && await EvidenceRefusalAsync(recommendation, actor, ct) is { } refusal)
            throw refusal;
        var decision = await workflows.DecideAsync(recommendation.Instance!, trigger, actor, input, ct: ct);
        var mirror = RecommendationMirror.After(recommendation, decision, clock);
        var evidence = new List<StoredFile>();
        for (var i = 0; i < files.Count; i++)
            evidence.Add(await documents.AddAsync(FileOwner.Recommendation, id, DocumentService.EvidenceKind, files[i], actor.Id, $"files[{i}]", ct: ct));
        await ladder.AfterTransitionAsync(id, mirror.Deadline, decision, deadlineMoved: mirror.Deadline != recommendation.Deadline, ct);
        await store.WriteAsync(decision, new TransitionEffects { Mirror = mirror, Evidence = evidence }, ct);
        recommendation.Deadline = mirror.Deadline;
        recommendation.Result = mirror.Result;
        recommendation.Closed = mirror.Closed;
        recommendation.ClosedOn = mirror.ClosedOn;
        return recommendation;
    }

    public Task<StoredFile> AddEvidenceAsync(Guid id, FileUpload upload, Actor actor, Guid? scopeAgency, CancellationToken ct = default) =>
        ForgetOnFailureAsync(async () =>
        {
            if (await EvidenceRefusalAsync(await GetAsync(id, scopeAgency, ct), actor, ct) is { } refusal)
                throw refusal;
            var file = await documents.AddAsync(FileOwner.Recommendation, id, DocumentService.EvidenceKind, upload, actor.Id, "file", ct: ct);
            await db.SaveChangesAsync(ct);
            return file;
        });

    /// <summary>A refused command leaves nothing tracked: the page showing the refusal then reads the item as stored.</summary>
    private async Task<T> ForgetOnFailureAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// The council's people act on a recommendation where they act on its mission (a delegation role only on the
    /// missions listing them); agency people were already kept to their own agency's items by <see cref="GetAsync"/>.
    /// </summary>
    private async Task<bool> MayActAsync(Recommendation recommendation, Actor actor, CancellationToken ct) =>
        actor.AgencyScope() is not null || actor.ActsOnEveryMission()
        || actor.MayActOn(await db.Missions.AsNoTracking().FirstAsync(m => m.Id == recommendation.MissionId, ct));

    /// <summary>
    /// Why <paramref name="actor"/> may not add evidence to <paramref name="recommendation"/> now, or null when
    /// they may: evidence comes from the recommendation's own agency, or from the council's people who act on its
    /// mission (committee, admin, the delegation it lists), and only while its follow-up is open. Every way of adding
    /// evidence (the upload, files sent with a trigger, the page) asks here, so the rule is written once.
    /// </summary>
    public async Task<MissionFlowException?> EvidenceRefusalAsync(Recommendation recommendation, Actor actor, CancellationToken ct = default)
    {
        var ownAgency = actor.AgencyScope() == recommendation.AgencyId;
        if (!ownAgency && (actor.AgencyScope() is not null || !await MayActAsync(recommendation, actor, ct)))
            return new ForbiddenException("Evidence is added by the recommendation's own agency, by the committee or by the mission's delegation.");
        var instance = recommendation.Instance!;
        if (catalog.Get(instance.WorkflowId, instance.WorkflowVersion).IsFinal(instance.State))
            return new ConflictException($"Follow-up of this recommendation has ended ('{instance.State}'), so no more evidence is accepted; it must be reopened first.")
                { Code = "evidence-closed", Args = ["file"] };
        return null;
    }

    private async Task EnsureMayActAsync(Recommendation recommendation, Actor actor, CancellationToken ct)
    {
        if (!await MayActAsync(recommendation, actor, ct))
            throw new ForbiddenException("Only the committee and the members of the mission's delegation act on its recommendations.");
    }

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Recommendation recommendation, CancellationToken ct = default) =>
        workflows.JournalAsync(recommendation.InstanceId, ct);
}
