using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionFlow.Core.Recommendations;

namespace MissionFlow.Core.Timers;

internal sealed class OfficeTaskConfiguration : IEntityTypeConfiguration<OfficeTask>
{
    public void Configure(EntityTypeBuilder<OfficeTask> e)
    {
        e.Property(t => t.Id).ValueGeneratedNever(); // Guid v7 made by the entity: a new row is known by its state, not by an empty key.
        e.HasOne<Recommendation>().WithMany().HasForeignKey(t => t.RecommendationId);
        e.HasIndex(t => new { t.RecommendationId, t.Kind }).IsUnique();
        e.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.DocumentNumber).HasMaxLength(60);
        e.Property(t => t.Signer).HasMaxLength(200);
        e.Property(t => t.Reason).HasMaxLength(2000);
        e.HasIndex(t => new { t.State, t.DueDate }); // the Office's list: open tasks, soonest due first
    }
}
