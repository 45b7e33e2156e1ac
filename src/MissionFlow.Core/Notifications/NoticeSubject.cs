using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Notifications;

/// <summary>What a notice is about: a mission, or one of its recommendations, with the instance that follows it.</summary>
public sealed record NoticeSubject(WorkflowInstance Instance, Mission Mission, Recommendation? Recommendation)
{
    public IReadOnlyList<Guid> AgencyIds => Recommendation is { } r ? [r.AgencyId] : Mission.AgencyIds;

    /// <summary>The mission or recommendation the instance follows; null for an instance of neither.</summary>
    public static async Task<NoticeSubject?> LoadAsync(MissionFlowDbContext db, WorkflowInstance instance, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(r => r.InstanceId == instance.Id, ct);
        var mission = recommendation is not null
            ? await db.Missions.FirstOrDefaultAsync(m => m.Id == recommendation.MissionId, ct)
            : await db.Missions.FirstOrDefaultAsync(m => m.InstanceId == instance.Id, ct);
        return mission is null ? null : new NoticeSubject(instance, mission, recommendation);
    }
}
