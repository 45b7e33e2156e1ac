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
        var (total, overdue) = await recommendations.CountAsync(filter, ct);
        var found = await Ordered(recommendations.Filtered(filter)).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        var items = await ItemsAsync(db, found, ct);
        return (new Paged<FollowUpItem>(items, filter.Page, filter.PageSize, total), overdue);
    }

    /// <summary>
    /// Every matching item in the list's order, as one query read while it is written out. The names and histories
    /// of each batch come through a second context: no provider runs a second query beside an open reader.
    /// </summary>
    public async IAsyncEnumerable<FollowUpItem> StreamAsync(RecommendationFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lookups = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var batch = new List<Recommendation>(Batch);
        await foreach (var found in Ordered(recommendations.Filtered(filter)).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(found);
            if (batch.Count < Batch)
                continue;
            foreach (var item in await ItemsAsync(lookups, batch, ct))
                yield return item;
            batch.Clear();
        }
        foreach (var item in await ItemsAsync(lookups, batch, ct))
            yield return item;
    }

    /// <summary>The items' mission codes, agency names and result histories, a query each for the whole batch.</summary>
    private async Task<List<FollowUpItem>> ItemsAsync(MissionFlowDbContext context, List<Recommendation> found, CancellationToken ct)
    {
        var missionIds = found.Select(r => r.MissionId).Distinct().ToList();
        var codes = await context.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Code, ct);
        var agencyIds = found.Select(r => r.AgencyId).Distinct().ToList();
        var names = await context.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var histories = await ResultHistory.ForInstancesAsync(context, catalog, found.Select(r => r.InstanceId!.Value).ToList(), ct);
        return found.Select(r => new FollowUpItem(r, codes[r.MissionId], names[r.AgencyId], histories[r.InstanceId!.Value].ToList())).ToList();
    }

    /// <summary>
    /// The recommendations alone, in the index's order: joined to missions and agencies in SQL, SQLite's planner
    /// may start from the agencies and sort every row for one page.
    /// </summary>
    private static IQueryable<Recommendation> Ordered(IQueryable<Recommendation> matched) => matched.MostUrgentFirst().Include(r => r.Instance);
}
