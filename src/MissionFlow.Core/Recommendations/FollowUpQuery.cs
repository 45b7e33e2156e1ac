using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Recommendations;

/// <summary>A recommendation as the inbox and the exports print it: with its mission's code, its agency's name and its results.</summary>
public sealed record FollowUpItem(Recommendation Recommendation, string MissionCode, string AgencyName, IReadOnlyList<ResultEntry> Results);

/// <summary>
/// Recommendations through RecommendationService (which keeps agency people to their own agency), with the mission
/// code, agency name and result history beside them. Ordered (UrgencyOrder, an index), paged and counted in the
/// database, so a list of 100,000 costs one page of rows; an export reads the same order as one stream, its result
/// histories a batch at a time.
/// </summary>
public sealed class FollowUpQuery(RecommendationService recommendations, MissionFlowDbContext db, IServiceScopeFactory scopes, DefinitionCatalog catalog)
{
    /// <summary>Items of an export whose histories are asked for in one query.</summary>
    public const int Batch = 500;

    /// <summary>One page of the list, with how many the filter matched and how many of those are overdue.</summary>
    public async Task<(Paged<FollowUpItem> Page, int Overdue)> PageAsync(RecommendationFilter filter, CancellationToken ct = default)
    {
        Paging.Check(filter.Page, filter.PageSize);
        var matched = recommendations.Filtered(filter);
        var today = recommendations.Today;
        var total = await matched.CountAsync(ct);
        var overdue = await matched.CountAsync(r => r.Deadline < today && !r.Closed, ct);
        var found = await Ordered(matched).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        var items = await ItemsAsync(db, found, ct);
        return (new Paged<FollowUpItem>(items, filter.Page, filter.PageSize, total), overdue);
    }

    /// <summary>
    /// Every matching item in the list's order, as one query read while it is written out. The histories of each
    /// batch come through a second context: no provider runs a second query on a connection with a reader open.
    /// </summary>
    public async IAsyncEnumerable<FollowUpItem> StreamAsync(RecommendationFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var histories = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var batch = new List<Found>(Batch);
        await foreach (var found in Ordered(recommendations.Filtered(filter)).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(found);
            if (batch.Count < Batch)
                continue;
            foreach (var item in await ItemsAsync(histories, batch, ct))
                yield return item;
            batch.Clear();
        }
        foreach (var item in await ItemsAsync(histories, batch, ct))
            yield return item;
    }

    private async Task<List<FollowUpItem>> ItemsAsync(MissionFlowDbContext context, List<Found> found, CancellationToken ct)
    {
        var histories = await ResultHistory.ForInstancesAsync(context, catalog, found.Select(f => f.Instance.Id).ToList(), ct);
        return found.Select(f =>
            {
                f.Recommendation.Instance = f.Instance;
                return new FollowUpItem(f.Recommendation, f.MissionCode, f.AgencyName, histories[f.Instance.Id].ToList());
            })
            .ToList();
    }

    private IQueryable<Found> Ordered(IQueryable<Recommendation> matched) =>
        from r in matched.MostUrgentFirst()
        join m in db.Missions on r.MissionId equals m.Id
        join a in db.Agencies on r.AgencyId equals a.Id
        select new Found(r, r.Instance!, m.Code, a.Name);

    private sealed record Found(Recommendation Recommendation, WorkflowInstance Instance, string MissionCode, string AgencyName);
}
