using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Notifications;

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
