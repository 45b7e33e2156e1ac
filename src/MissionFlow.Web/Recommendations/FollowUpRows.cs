using System.Runtime.CompilerServices;
using MissionFlow.Core.Common;
using MissionFlow.Core.Recommendations;
using MissionFlow.Engine.Calendar;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Recommendations;

/// <summary>Core's follow-up items as the inbox and the exports print them: the state name, dates and results in the reader's language.</summary>
internal sealed class FollowUpRows(FollowUpQuery query, RecommendationService recommendations, CouncilClock clock, UiText text)
{
    /// <summary>One page of the list, with how many the filter matched and how many of those are overdue.</summary>
    public async Task<(Paged<FollowUpRow> Page, int Overdue)> PageAsync(RecommendationFilter filter, CancellationToken ct)
    {
        var (page, overdue) = await query.PageAsync(filter, ct);
        return (new Paged<FollowUpRow>(page.Items.Select(Row).ToList(), page.Page, page.PageSize, page.Total), overdue);
    }

    /// <summary>Every matching row in the list's order, read while it is written out.</summary>
    public async IAsyncEnumerable<FollowUpRow> StreamAsync(RecommendationFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in query.StreamAsync(filter, ct))
            yield return Row(item);
    }

    private FollowUpRow Row(FollowUpItem item)
    {
        var r = item.Recommendation;
        return new FollowUpRow(r, item.MissionCode, item.AgencyName, text.State(r.Instance!), recommendations.IsOverdue(r), r.Closed, r.Result,
            string.Join("; ", item.Results.Select(e => $"{text.Date(clock.LocalDate(e.At))} {text.Result(e.Result)}")));
    }
}
