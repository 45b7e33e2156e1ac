using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Workflows;

internal sealed class StoredDefinitionConfiguration : IEntityTypeConfiguration<StoredDefinition>
{
    public void Configure(EntityTypeBuilder<StoredDefinition> e)
    {
        e.ToTable("WorkflowDefinitions");
        e.HasKey(d => new { d.WorkflowId, d.Version });
        e.Property(d => d.WorkflowId).HasMaxLength(100);
        e.Property(d => d.Hash).HasMaxLength(64);
    }
}
