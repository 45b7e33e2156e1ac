using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Idempotency;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Persistence;

// Ids are Guid v7 made by the entities themselves, so a new row is known by its state, not by an empty key.

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

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        e.ToTable("WorkflowInstances");
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.WorkflowId).HasMaxLength(100);
        e.Property(i => i.State).HasMaxLength(100);
        e.Property(i => i.Revision).IsConcurrencyToken();
        e.Ignore(i => i.Data);
        e.HasIndex(i => new { i.WorkflowId, i.State });
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("WorkflowJournal");
        e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(j => j.InstanceId);
        e.HasIndex(j => new { j.InstanceId, j.Id });
    }
}

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

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        e.HasIndex(a => a.Code).IsUnique();
        e.Property(a => a.Code).HasMaxLength(50);
        e.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> e)
    {
        e.Property(m => m.Id).ValueGeneratedNever();
        e.HasIndex(m => m.Code).IsUnique();
        e.Property(m => m.Code).HasMaxLength(50);
        e.Property(m => m.Regime).HasConversion<string>().HasMaxLength(20);
        e.HasOne(m => m.Instance).WithMany().HasForeignKey(m => m.InstanceId);
        e.OwnsOne(m => m.Schedule);
        e.OwnsMany(m => m.Delegation, d => d.ToJson());
        e.OwnsMany(m => m.OnsiteSessions, s =>
        {
            s.ToJson();
            s.OwnsMany(x => x.Figures);
        });
        e.OwnsOne(m => m.Conclusion, c => c.ToJson());
        e.HasMany(m => m.Recommendations).WithOne().HasForeignKey(r => r.MissionId);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> e)
    {
        e.Property(r => r.Id).ValueGeneratedNever();
        e.HasIndex(r => new { r.MissionId, r.Number }).IsUnique();
        e.HasIndex(r => new { r.AgencyId, r.Deadline });
        e.Property(r => r.DeadlineBasis).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Priority).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Instance).WithMany().HasForeignKey(r => r.InstanceId);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.ToTable("Files");
        e.Property(f => f.Id).ValueGeneratedNever();
        e.Property(f => f.OwnerType).HasConversion<string>().HasMaxLength(20);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.HasIndex(f => new { f.OwnerType, f.OwnerId });
        e.HasOne(f => f.JournalEntry).WithMany().HasForeignKey(f => f.JournalEntryId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.HasKey(r => new { r.UserId, r.Key });
        e.Property(r => r.Key).HasMaxLength(200);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.HasIndex(m => m.DedupeKey).IsUnique();
        e.Property(m => m.DedupeKey).HasMaxLength(400);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        // Delivery asks "queued and due": its cost follows the queue, not the history.
        e.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class OfficeTaskConfiguration : IEntityTypeConfiguration<OfficeTask>
{
    public void Configure(EntityTypeBuilder<OfficeTask> e)
    {
        e.Property(t => t.Id).ValueGeneratedNever();
        e.HasOne<Recommendation>().WithMany().HasForeignKey(t => t.RecommendationId);
        e.HasIndex(t => new { t.RecommendationId, t.Kind }).IsUnique();
    }
}

internal sealed class UsedLinkTokenConfiguration : IEntityTypeConfiguration<UsedLinkToken>
{
    public void Configure(EntityTypeBuilder<UsedLinkToken> e) => e.HasKey(t => t.TokenId);
}
