using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Core.Missions;

/// <summary>
/// Where a set of recommendations stands (a mission's, or every one for the desk): counts by state, how many are
/// overdue, and the on-time closure rate (closed on or before their deadline, as a percentage of those closed);
/// <see cref="ByResult"/> counts the verified ones by their latest result (an item back under follow-up after
/// "partly done" counts there until verified again).
/// </summary>
public sealed record MissionRollup(IReadOnlyDictionary<string, int> ByState, int Total, int Overdue, int Closed, int ClosedOnTime, decimal? OnTimeClosureRate,
    IReadOnlyDictionary<string, int> ByResult)
{
    /// <summary>
    /// Counted in the database over <paramref name="issued"/> (already cut to the reader's scope): grouped counts,
    /// never a recommendation loaded to count it. Whether a closing was on time depends on the council's local date
    /// of the closing instant, which SQL cannot compute alike on every provider, so only the closed items'
    /// deadline and closing instant are read, as a stream.
    /// </summary>
    public static async Task<MissionRollup> OfAsync(IQueryable<Recommendation> issued, DefinitionCatalog catalog, CouncilClock clock, DateOnly today, CancellationToken ct)
    {
        var finals = catalog.FinalStates(MissionService.FollowUpWorkflowId);
        issued = issued.Where(r => r.InstanceId != null);
        var byState = await issued.GroupBy(r => r.Instance!.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var byResult = await issued.Where(r => r.Result != null).GroupBy(r => r.Result!).Select(g => new { Result = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Result, g => g.Count, ct);
        var overdue = await issued.CountAsync(r => r.Deadline < today && !finals.Contains(r.Instance!.State), ct);
        var closed = byState.Where(s => finals.Contains(s.Key)).Sum(s => s.Value);
        var onTime = 0;
        // A closed instance's last transition is its closing.
        await foreach (var c in issued.Where(r => finals.Contains(r.Instance!.State)).Select(r => new { r.Deadline, r.Instance!.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
            if (clock.LocalDate(c.UpdatedAt) <= c.Deadline)
                onTime++;
        return new MissionRollup(byState, byState.Values.Sum(), overdue, closed, onTime,
            closed == 0 ? null : Math.Round(onTime * 100m / closed, 2), byResult);
    }
}
