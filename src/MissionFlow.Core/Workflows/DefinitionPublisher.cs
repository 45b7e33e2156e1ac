using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Stores each definition version the first time it is seen, with its hash, and refuses a file whose content
/// changed while its version did not: running instances are pinned to what was published. The one change a
/// published version takes is to what its triggers mean (the hash leaves "meaning" out, ADR 0009): the stored
/// source is replaced, so the catalog, rebuilt from it, gives the read models the new meanings. Nodes starting
/// together may race to publish the same version: the loser's insert fails on the key, and it compares again
/// against what the winner stored.
/// </summary>
public sealed partial class DefinitionPublisher(MissionFlowDbContext db, DefinitionCatalog catalog, TimeProvider time, ILogger<DefinitionPublisher> logger)
{
    public async Task PublishAsync(IReadOnlyList<WorkflowDefinition> loaded, CancellationToken ct = default)
    {
        try
        {
            await StoreNewVersionsAsync(loaded, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await StoreNewVersionsAsync(loaded, ct);
        }
        catalog.Replace((await db.Definitions.AsNoTracking().ToListAsync(ct)).Select(s => DefinitionLoader.ParseStored(s.Source)));
    }

    private async Task StoreNewVersionsAsync(IReadOnlyList<WorkflowDefinition> loaded, CancellationToken ct)
    {
        var stored = await db.Definitions.ToListAsync(ct);
        var changed = new List<string>();
        foreach (var definition in loaded)
        {
            var existing = stored.FirstOrDefault(s => s.WorkflowId == definition.Id && s.Version == definition.Version);
            if (existing is null)
                db.Definitions.Add(new StoredDefinition
                {
                    WorkflowId = definition.Id,
                    Version = definition.Version,
                    Hash = definition.Hash,
                    Name = definition.Name.Vi,
                    Source = definition.Source,
                    PublishedAt = time.GetUtcNow(),
                });
            else if (existing.Hash == definition.Hash && !SameMeanings(existing, definition))
            {
                existing.Source = definition.Source;
                MeaningsRepublished(definition.Id, definition.Version, definition.SourceFile);
            }
            else if (existing.Hash != definition.Hash)
                changed.Add($"{definition.SourceFile}:1: $.version: workflow '{definition.Id}' version {definition.Version} was published with hash " +
                            $"{existing.Hash[..12]}… and the file now differs ({definition.Hash[..12]}…); bump \"version\" to publish the change.");
        }
        if (changed.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new DefinitionChangedException(changed);
        }
        await db.SaveChangesAsync(ct);
    }

    private static bool SameMeanings(StoredDefinition stored, WorkflowDefinition loaded) =>
        DefinitionLoader.ParseStored(stored.Source).Transitions.Select(t => t.Meaning).SequenceEqual(loaded.Transitions.Select(t => t.Meaning));

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow '{WorkflowId}' version {Version}: the trigger meanings of {File} replace the stored ones; its behaviour and hash are unchanged.")]
    private partial void MeaningsRepublished(string workflowId, int version, string file);
}

public sealed class DefinitionChangedException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
