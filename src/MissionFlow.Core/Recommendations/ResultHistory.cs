using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Recommendations;

/// <summary>One verification result, or the end of follow-up, as the journal keeps it.</summary>
public sealed record ResultEntry(DateTimeOffset At, string Result, string? Comment, string By);

/// <summary>
/// Every result a recommendation was given, oldest first, read from its instance's journal: the journal is the
/// source of truth, so a later "done" never hides an earlier "partly-done".
/// </summary>
public static class ResultHistory
{
    public const string VerifyTrigger = "verify";
    public const string EndTrigger = "end-follow-up";

    /// <summary>The result an ended follow-up records, as the definition assigns it.</summary>
    public const string Ended = "ended";

    private static readonly string[] Triggers = [VerifyTrigger, EndTrigger];

    public static IReadOnlyList<ResultEntry> Of(IEnumerable<JournalEntry> journal) =>
        journal.Where(j => Triggers.Contains(j.Trigger)).Select(Entry).OfType<ResultEntry>().ToList();

    /// <summary>The histories of a batch of instances in one query (a page of a list, a batch of an export).</summary>
    public static async Task<ILookup<Guid, ResultEntry>> ForInstancesAsync(MissionFlowDbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken ct)
    {
        if (instanceIds.Count == 0)
            return Array.Empty<ResultEntry>().ToLookup(_ => Guid.Empty);
        var entries = await db.Journal.AsNoTracking()
            .Where(j => instanceIds.Contains(j.InstanceId) && Triggers.Contains(j.Trigger))
            .OrderBy(j => j.Id)
            .ToListAsync(ct);
        return entries.Select(j => (j.InstanceId, Entry: Entry(j))).Where(e => e.Entry is not null).ToLookup(e => e.InstanceId, e => e.Entry!);
    }

    private static ResultEntry? Entry(JournalEntry j)
    {
        var result = j.Trigger == EndTrigger
            ? Ended
            : (JsonSerializer.Deserialize<Dictionary<string, string>>(j.InputJson) ?? []).GetValueOrDefault(RecommendationService.ResultKey);
        return result is null ? null : new ResultEntry(j.At, result, j.Comment, j.Actor);
    }
}
