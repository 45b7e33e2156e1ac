using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Ui.Exports;

/// <summary>
/// Recommendations through RecommendationService (which keeps agency people to their own agency), with the
/// mission code, agency name and state name the inbox and the exports print beside them. Ordered, paged and
/// counted in the database, so a list of 100,000 costs one page of rows; exports read the same order batch by
/// batch, each batch with one query for its result histories.
/// </summary>
internal sealed class FollowUpRows(RecommendationService recommendations, MissionFlowDbContext db, DefinitionCatalog catalog, CouncilClock clock, UiText text)
{
    /// <summary>Rows an export reads at a time: one query for them and one for their histories.</summary>
    internal const int Batch = 500;

    /// <summary>One page of the list, with how many the filter matched and how many of those are overdue.</summary>
    public async Task<(Paged<FollowUpRow> Page, int Overdue)> PageAsync(RecommendationFilter filter, CancellationToken ct)
    {
        Core.Common.Paging.Check(filter.Page, filter.PageSize);
        var matched = recommendations.Filtered(filter);
        var finals = Finals();
        var today = recommendations.Today;
        var total = await matched.CountAsync(ct);
        var overdue = await matched.CountAsync(r => r.Deadline < today && !finals.Contains(r.Instance!.State), ct);
        var items = await RowsAsync(Ordered(matched, finals, today).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize), ct);
        return (new Paged<FollowUpRow>(items, filter.Page, filter.PageSize, total), overdue);
    }

    /// <summary>
    /// Every matching row in the list's order, read from the database a batch at a time as it is written out: a
    /// batch is read whole before its histories are asked for, as no provider runs a second query beside an open one.
    /// </summary>
    public async IAsyncEnumerable<FollowUpRow> StreamAsync(RecommendationFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var ordered = Ordered(recommendations.Filtered(filter), Finals(), recommendations.Today);
        for (var skip = 0; ; skip += Batch)
        {
            var rows = await RowsAsync(ordered.Skip(skip).Take(Batch), ct);
            foreach (var row in rows)
                yield return row;
            if (rows.Count < Batch)
                yield break;
        }
    }

    private async Task<List<FollowUpRow>> RowsAsync(IQueryable<Found> query, CancellationToken ct)
    {
        var found = await query.ToListAsync(ct);
        var histories = await ResultHistory.ForInstancesAsync(db, catalog, found.Select(f => f.Instance.Id).ToList(), ct);
        return found.Select(f => Row(f, histories[f.Instance.Id])).ToList();
    }

    private List<string> Finals() => catalog.FinalStates(MissionService.FollowUpWorkflowId);

    /// <summary>Overdue first, then open ones by deadline, closed ones last: what needs doing comes first.</summary>
    private IQueryable<Found> Ordered(IQueryable<Recommendation> matched, List<string> finals, DateOnly today) =>
        from r in matched
        join m in db.Missions on r.MissionId equals m.Id
        join a in db.Agencies on r.AgencyId equals a.Id
        orderby (finals.Contains(r.Instance!.State) ? 2 : r.Deadline < today ? 0 : 1), r.Deadline, m.Code, r.Number, r.Id
        select new Found(r, r.Instance!, m.Code, a.Name);

    private FollowUpRow Row(Found found, IEnumerable<ResultEntry> results)
    {
        var (r, instance, code, agency) = found;
        r.Instance = instance;
        return new FollowUpRow(r, code, agency, text.State(instance), recommendations.IsOverdue(r),
            catalog.Get(instance.WorkflowId, instance.WorkflowVersion).IsFinal(instance.State), r.Result,
            string.Join("; ", results.Select(e => $"{text.Date(clock.LocalDate(e.At))} {text.Result(e.Result)}")));
    }

    private sealed record Found(Recommendation Recommendation, WorkflowInstance Instance, string MissionCode, string AgencyName);
}
