using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Missions;

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> e)
    {
        e.Property(m => m.Id).ValueGeneratedNever(); // Guid v7 made by the entity: a new row is known by its state, not by an empty key.
        e.HasIndex(m => m.Code).IsUnique();
        e.HasIndex(m => m.CreatedAt); // the missions list, newest first
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
