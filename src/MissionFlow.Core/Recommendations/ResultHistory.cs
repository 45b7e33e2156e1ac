using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Recommendations;

/// <summary>One verification result, or the end of follow-up, as the journal keeps it.</summary>
public sealed record ResultEntry(DateTimeOffset At, string Result, string? Comment, string By);

/// <summary>
/// Every result a recommendation was given, oldest first, read from its instance's journal: the journal is the
/// source of truth, so a later "done" never hides an earlier "partly-done". Which entries give a result is asked of
/// the instance's own version (triggers meaning "verify" or "end-follow-up"), whatever that version calls them.
/// </summary>
public static class ResultHistory
{
    /// <summary>The result an ended follow-up records, as the definition assigns it.</summary>
    public const string Ended = "ended";

    public static IReadOnlyList<ResultEntry> Of(WorkflowDefinition definition, IEnumerable<JournalEntry> journal) =>
        journal.Select(j => Entry(definition, j)).OfType<ResultEntry>().ToList();

    /// <summary>The histories of a batch of instances in one query (a page of a list, a batch of an export).</summary>
    public static async Task<ILookup<Guid, ResultEntry>> ForInstancesAsync(MissionFlowDbContext db, DefinitionCatalog catalog, IReadOnlyCollection<Guid> instanceIds,
        CancellationToken ct)
    {
        if (instanceIds.Count == 0)
            return Array.Empty<ResultEntry>().ToLookup(_ => Guid.Empty);
        // Narrowed in SQL by the names any version gives a result; each entry is then read by its own version.
        var triggers = catalog.All.SelectMany(d => d.TriggersMeaning(TriggerMeaning.Verify).Concat(d.TriggersMeaning(TriggerMeaning.EndFollowUp))).Distinct().ToList();
        var entries = await (
                from j in db.Journal.AsNoTracking()
                join i in db.Instances on j.InstanceId equals i.Id
                where instanceIds.Contains(j.InstanceId) && triggers.Contains(j.Trigger)
                orderby j.Id
                select new { Entry = j, i.WorkflowId, i.WorkflowVersion })
            .ToListAsync(ct);
        return entries.Select(e => (e.Entry.InstanceId, Result: Entry(catalog.Get(e.WorkflowId, e.WorkflowVersion), e.Entry)))
            .Where(e => e.Result is not null)
            .ToLookup(e => e.InstanceId, e => e.Result!);
    }

    private static ResultEntry? Entry(WorkflowDefinition definition, JournalEntry j)
    {
        var result = definition.MeaningOf(j.Trigger) switch
        {
            TriggerMeaning.EndFollowUp => Ended,
            TriggerMeaning.Verify => (JsonSerializer.Deserialize<Dictionary<string, string>>(j.InputJson) ?? []).GetValueOrDefault(RecommendationService.ResultKey),
            _ => null,
        };
        return result is null ? null : new ResultEntry(j.At, result, j.Comment, j.Actor);
    }
}
