using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.HasKey(r => new { r.UserId, r.Key });
        e.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaxKeyLength);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        // The hourly purge deletes by age, through this index rather than a scan of every key.
        e.HasIndex(r => r.CreatedAt);
    }
}
