using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Core.Drafts;

/// <summary>
/// What has happened to recommendations so far, as a draft and the session list print it: every verification
/// (<see cref="ResultHistory"/>, from the journal) and every ladder rung the Office recorded (Office tasks Done).
/// Read for a batch of items in two queries.
/// </summary>
public sealed class FollowUpHistory(MissionFlowDbContext db, DefinitionCatalog catalog, CouncilClock clock)
{
    public async Task<IReadOnlyDictionary<Guid, ItemHistory>> ForAsync(IReadOnlyCollection<(Guid Recommendation, Guid? Instance)> items, CancellationToken ct)
    {
        var instances = items.Where(i => i.Instance is not null).Select(i => i.Instance!.Value).ToList();
        var ids = items.Select(i => i.Recommendation).ToList();
        var results = await ResultHistory.ForInstancesAsync(db, catalog, instances, ct);
        var rungs = await db.OfficeTasks.AsNoTracking()
            .Where(t => ids.Contains(t.RecommendationId) && t.State == OfficeTaskState.Done)
            .OrderBy(t => t.Level).ThenBy(t => t.DocumentDate)
            .Select(t => new { t.RecommendationId, t.Kind, t.DocumentNumber, t.DocumentDate })
            .ToListAsync(ct);
        return items.ToDictionary(i => i.Recommendation, i => new ItemHistory(
            (i.Instance is { } instance ? results[instance] : [])
                .Where(r => r.Result != ResultHistory.Ended)
                .Select(r => new Verification(clock.LocalDate(r.At), r.Result, r.Comment)).ToList(),
            rungs.Where(r => r.RecommendationId == i.Recommendation)
                .Select(r => new RecordedRung(r.Kind, r.DocumentNumber ?? "", r.DocumentDate)).ToList()));
    }
}

public sealed record ItemHistory(IReadOnlyList<Verification> Results, IReadOnlyList<RecordedRung> Rungs)
{
    public static ItemHistory None { get; } = new([], []);
}

public sealed record Verification(DateOnly Date, string Result, string? Comment);

public sealed record RecordedRung(string Rung, string DocumentNumber, DateOnly? DocumentDate);
