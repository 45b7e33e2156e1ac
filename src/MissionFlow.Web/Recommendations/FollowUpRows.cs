using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Recommendations;

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
        var matched = recommendations.Filtered(filter);
        var today = recommendations.Today;
        var total = await matched.CountAsync(ct);
        var overdue = await matched.CountAsync(r => r.Deadline < today && !r.Closed, ct);
        var found = await Ordered(matched).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        var items = await RowsAsync(db, found, ct);
        return (new Paged<FollowUpRow>(items, filter.Page, filter.PageSize, total), overdue);
    }

    /// <summary>
    /// Every matching row in the list's order, as one query read while it is written out. The histories of each
    /// batch come through a second context: no provider runs a second query on a connection with a reader open.
    /// </summary>
    public async IAsyncEnumerable<FollowUpRow> StreamAsync(RecommendationFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var histories = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var batch = new List<Found>(Batch);
        await foreach (var found in Ordered(recommendations.Filtered(filter)).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(found);
            if (batch.Count < Batch)
                continue;
            foreach (var row in await RowsAsync(histories, batch, ct))
                yield return row;
            batch.Clear();
        }
        foreach (var row in await RowsAsync(histories, batch, ct))
            yield return row;
    }

    private async Task<List<FollowUpRow>> RowsAsync(MissionFlowDbContext context, List<Found> found, CancellationToken ct)
    {
        var histories = await ResultHistory.ForInstancesAsync(context, catalog, found.Select(f => f.Instance.Id).ToList(), ct);
        return found.Select(f => Row(f, histories[f.Instance.Id])).ToList();
    }

    private IQueryable<Found> Ordered(IQueryable<Recommendation> matched) =>
        from r in matched.MostUrgentFirst()
        join m in db.Missions on r.MissionId equals m.Id
        join a in db.Agencies on r.AgencyId equals a.Id
        select new Found(r, r.Instance!, m.Code, a.Name);

    private FollowUpRow Row(Found found, IEnumerable<ResultEntry> results)
    {
        var (r, instance, code, agency) = found;
        r.Instance = instance;
        return new FollowUpRow(r, code, agency, text.State(instance), recommendations.IsOverdue(r), r.Closed, r.Result,
            string.Join("; ", results.Select(e => $"{text.Date(clock.LocalDate(e.At))} {text.Result(e.Result)}")));
    }

    private sealed record Found(Recommendation Recommendation, WorkflowInstance Instance, string MissionCode, string AgencyName);
}
