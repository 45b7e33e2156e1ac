using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Workflows;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        e.ToTable("WorkflowInstances");
        e.Property(i => i.Id).ValueGeneratedNever(); // Guid v7 made by the entity: a new row is known by its state, not by an empty key.
        e.Property(i => i.WorkflowId).HasMaxLength(100);
        e.Property(i => i.State).HasMaxLength(100);
        e.Ignore(i => i.Data);
        // Counts by state and version (the desk, definition upgrades) read the index alone.
        e.HasIndex(i => new { i.WorkflowId, i.State, i.WorkflowVersion });
    }
}
