using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Recommendations;

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
    /// never a recommendation loaded to count it. Closed and on time are the mirrored Closed and ClosedOn (the
    /// council's date of the closing), which the transition that closes an item writes.
    /// </summary>
    public static async Task<MissionRollup> OfAsync(IQueryable<Recommendation> issued, DateOnly today, CancellationToken ct)
    {
        issued = issued.Where(r => r.InstanceId != null);
        var byState = await issued.GroupBy(r => r.Instance!.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var byResult = await issued.Where(r => r.Result != null).GroupBy(r => r.Result!).Select(g => new { Result = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Result, g => g.Count, ct);
        var overdue = await issued.OverdueOn(today).CountAsync(ct);
        var closed = await issued.CountAsync(r => r.Closed, ct);
        var onTime = await issued.ClosedOnTime().CountAsync(ct);
        return new MissionRollup(byState, byState.Values.Sum(), overdue, closed, onTime,
            closed == 0 ? null : Math.Round(onTime * 100m / closed, 2), byResult);
    }
}
