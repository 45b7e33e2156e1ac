using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Ui.Exports;

/// <summary>
/// Recommendations through RecommendationService (which keeps agency people to their own agency), with the
/// mission code, agency name and state name the inbox and the exports print beside them. Ordered (UrgencyOrder,
/// an index), paged and counted in the database, so a list of 100,000 costs one page of rows; an export reads the
/// same order as one stream, its result histories a batch at a time.
/// </summary>
internal sealed class FollowUpRows(RecommendationService recommendations, MissionFlowDbContext db, IServiceScopeFactory scopes, DefinitionCatalog catalog,
    CouncilClock clock, UiText text)
{
    /// <summary>Rows of an export whose histories are asked for in one query.</summary>
    internal const int Batch = 500;

    /// <summary>One page of the list, with how many the filter matched and how many of those are overdue.</summary>
    public async Task<(Paged<FollowUpRow> Page, int Overdue)> PageAsync(RecommendationFilter filter, CancellationToken ct)
    {
        Core.Common.Paging.Check(filter.Page, filter.PageSize);
        var (total, overdue) = await recommendations.CountAsync(filter, ct);
        var found = await Ordered(recommendations.Filtered(filter)).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        var items = await RowsAsync(db, found, ct);
        return (new Paged<FollowUpRow>(items, filter.Page, filter.PageSize, total), overdue);
    }

    /// <summary>
    /// Every matching row in the list's order, as one query read while it is written out. The names and histories
    /// of each batch come through a second context: no provider runs a second query beside an open reader.
    /// </summary>
    public async IAsyncEnumerable<FollowUpRow> StreamAsync(RecommendationFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lookups = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var batch = new List<Recommendation>(Batch);
        await foreach (var found in Ordered(recommendations.Filtered(filter)).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(found);
            if (batch.Count < Batch)
                continue;
            foreach (var row in await RowsAsync(lookups, batch, ct))
                yield return row;
            batch.Clear();
        }
        foreach (var row in await RowsAsync(lookups, batch, ct))
            yield return row;
    }

    /// <summary>The rows' mission codes, agency names and result histories, a query each for the whole batch.</summary>
    private async Task<List<FollowUpRow>> RowsAsync(MissionFlowDbContext context, List<Recommendation> found, CancellationToken ct)
    {
        var missionIds = found.Select(r => r.MissionId).Distinct().ToList();
        var codes = await context.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Code, ct);
        var agencyIds = found.Select(r => r.AgencyId).Distinct().ToList();
        var names = await context.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var histories = await ResultHistory.ForInstancesAsync(context, catalog, found.Select(r => r.InstanceId!.Value).ToList(), ct);
        return found.Select(r => Row(r, codes[r.MissionId], names[r.AgencyId], histories[r.InstanceId!.Value])).ToList();
    }

    /// <summary>
    /// The recommendations alone, in the index's order: joined to missions and agencies in SQL, SQLite's planner
    /// may start from the agencies and sort every row for one page.
    /// </summary>
    private static IQueryable<Recommendation> Ordered(IQueryable<Recommendation> matched) => matched.MostUrgentFirst().Include(r => r.Instance);

    private FollowUpRow Row(Recommendation r, string code, string agency, IEnumerable<ResultEntry> results) =>
        new(r, code, agency, text.State(r.Instance!), recommendations.IsOverdue(r), r.Closed, r.Result,
            string.Join("; ", results.Select(e => $"{text.Date(clock.LocalDate(e.At))} {text.Result(e.Result)}")));
}
