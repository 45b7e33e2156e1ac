using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Workflows;

/// <summary>One stored definition version: when it was published and how many instances run on it.</summary>
public sealed record PublishedVersion(string WorkflowId, int Version, DateTimeOffset PublishedAt, int Instances);

/// <summary>The admin's list of workflow versions, read from the database beside the catalog's definitions.</summary>
public sealed class PublishedVersions(MissionFlowDbContext db)
{
    public async Task<IReadOnlyList<PublishedVersion>> ListAsync(CancellationToken ct = default)
    {
        var published = await db.Definitions.AsNoTracking().Select(d => new { d.WorkflowId, d.Version, d.PublishedAt }).ToListAsync(ct);
        var counts = await db.Instances.AsNoTracking().GroupBy(i => new { i.WorkflowId, i.WorkflowVersion })
            .Select(g => new { g.Key.WorkflowId, g.Key.WorkflowVersion, Count = g.Count() }).ToListAsync(ct);
        return published.Select(p => new PublishedVersion(p.WorkflowId, p.Version, p.PublishedAt,
                counts.FirstOrDefault(c => c.WorkflowId == p.WorkflowId && c.WorkflowVersion == p.Version)?.Count ?? 0))
            .ToList();
    }
}
