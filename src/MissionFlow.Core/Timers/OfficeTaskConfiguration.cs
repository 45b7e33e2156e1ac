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
    }
}
