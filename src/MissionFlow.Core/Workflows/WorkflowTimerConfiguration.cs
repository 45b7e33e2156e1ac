using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Workflows;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> e)
    {
        e.ToTable("WorkflowTimers");
        e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId);
        e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        // The sweep asks "pending and due": its cost must follow what is due, not what is stored.
        e.HasIndex(t => new { t.Status, t.DueAt });
        e.HasIndex(t => new { t.InstanceId, t.Status });
    }
}
