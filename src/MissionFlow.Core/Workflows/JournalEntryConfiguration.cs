using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Workflows;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("WorkflowJournal");
        e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(j => j.InstanceId);
        e.HasIndex(j => new { j.InstanceId, j.Id });
    }
}
