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

    /// <summary>
    /// The mission or recommendation each instance follows, by instance id (none for an instance of neither).
    /// Recommendations are tracked, so the caller can raise their escalation level.
    /// </summary>
    public static async Task<Dictionary<Guid, NoticeSubject>> LoadAsync(MissionFlowDbContext db, IReadOnlyCollection<WorkflowInstance> instances, CancellationToken ct)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var recommendations = await db.Recommendations.Where(r => r.InstanceId != null && ids.Contains(r.InstanceId.Value)).ToListAsync(ct);
        var missionIds = recommendations.Select(r => r.MissionId).Distinct().ToList();
        var missions = await db.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id) || ids.Contains(m.InstanceId)).ToListAsync(ct);
        var subjects = new Dictionary<Guid, NoticeSubject>();
        foreach (var instance in instances)
        {
            var recommendation = recommendations.FirstOrDefault(r => r.InstanceId == instance.Id);
            var mission = recommendation is not null
                ? missions.FirstOrDefault(m => m.Id == recommendation.MissionId)
                : missions.FirstOrDefault(m => m.InstanceId == instance.Id);
            if (mission is not null)
                subjects[instance.Id] = new NoticeSubject(instance, mission, recommendation);
        }
        return subjects;
    }
}
