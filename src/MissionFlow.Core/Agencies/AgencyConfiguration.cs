using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever(); // Guid v7 made by the entity: a new row is known by its state, not by an empty key.
        e.HasIndex(a => a.Code).IsUnique();
        e.Property(a => a.Code).HasMaxLength(50);
        e.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
