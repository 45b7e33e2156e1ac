using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Documents;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.ToTable("Files");
        e.Property(f => f.Id).ValueGeneratedNever(); // Guid v7 made by the entity: a new row is known by its state, not by an empty key.
        e.Property(f => f.OwnerType).HasConversion<string>().HasMaxLength(20);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.HasIndex(f => new { f.OwnerType, f.OwnerId });
        e.HasOne(f => f.JournalEntry).WithMany().HasForeignKey(f => f.JournalEntryId);
    }
}
