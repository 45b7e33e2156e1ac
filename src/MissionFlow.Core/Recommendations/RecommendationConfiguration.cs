using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> e)
    {
        e.Property(r => r.Id).ValueGeneratedNever(); // Guid v7 made by the entity: a new row is known by its state, not by an empty key.
        e.HasIndex(r => new { r.MissionId, r.Number }).IsUnique();
        // The lists and the desk read open (or closed) items in deadline order, every agency's, one agency's or one
        // mission's, and count them by result, without joining the instances (issue 13).
        e.HasIndex(r => new { r.Closed, r.Deadline, r.MissionId, r.Number });
        // InstanceId last: "issued" (an instance) is part of every count, which these indexes then answer alone.
        e.HasIndex(r => new { r.AgencyId, r.Closed, r.Deadline, r.InstanceId });
        e.HasIndex(r => new { r.MissionId, r.Closed, r.Deadline, r.InstanceId });
        e.HasIndex(r => r.Result);
        e.Property(r => r.DeadlineBasis).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Priority).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Field).HasMaxLength(InputLimits.AdministrativeField);
        e.Property(r => r.Result).HasMaxLength(50);
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Instance).WithMany().HasForeignKey(r => r.InstanceId);
    }
}
