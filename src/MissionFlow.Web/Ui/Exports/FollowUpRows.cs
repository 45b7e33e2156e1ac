using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Ui.Exports;

/// <summary>
/// Recommendations through RecommendationService (which keeps agency people to their own agency), with the
/// mission code, agency name and state name the inbox and the exports print beside them.
/// </summary>
internal sealed class FollowUpRows(RecommendationService recommendations, MissionFlowDbContext db, DefinitionCatalog catalog, UiText text)
{
    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(RecommendationFilter filter, CancellationToken ct)
    {
        var found = new List<Recommendation>();
        for (var page = 1; ; page++)
        {
            var result = await recommendations.ListAsync(filter with { Page = page, PageSize = 500 }, ct);
            found.AddRange(result.Items);
            if (found.Count >= result.Total || result.Items.Count == 0)
                break;
        }
        var missionIds = found.Select(r => r.MissionId).Distinct().ToList();
        var codes = await db.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Code, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return found
            .Select(r => new FollowUpRow(r, codes.GetValueOrDefault(r.MissionId, ""), agencies.GetValueOrDefault(r.AgencyId, ""),
                text.State(r.Instance!), recommendations.IsOverdue(r), catalog.Get(r.Instance!.WorkflowId, r.Instance.WorkflowVersion).IsFinal(r.Instance.State),
                r.Instance.Data.GetValueOrDefault("result")))
            .OrderBy(r => r.Urgency).ThenBy(r => r.Recommendation.Deadline).ThenBy(r => r.MissionCode).ThenBy(r => r.Recommendation.Number)
            .ToList();
    }
}
