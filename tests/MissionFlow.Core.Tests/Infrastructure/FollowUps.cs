using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Tests.Infrastructure;

/// <summary>Actors and a stored recommendation-followup instance for workflow tests.</summary>
public static class FollowUps
{
    public const string AgencyId = "0193a3d2-0000-7000-8000-000000000001";

    public static Actor Officer { get; } = new("officer@sct.local", new HashSet<string> { "agency-officer" }, AgencyId);
    public static Actor Head { get; } = new("head@sct.local", new HashSet<string> { "agency-head" }, AgencyId);
    public static Actor OtherAgencyOfficer { get; } = new("officer@other.local", new HashSet<string> { "agency-officer" }, "0193a3d2-0000-7000-8000-000000000002");
    public static Actor Committee { get; } = new("thuongtruc@council.local", new HashSet<string> { "committee" });

    public static async Task<Guid> StartAsync(CoreHost host, string deadline = "2026-12-31")
    {
        await using var scope = host.Scope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var instance = workflows.Start("recommendation-followup", "law-87-2015", new Dictionary<string, string>
        {
            ["agencyId"] = AgencyId,
            ["deadline"] = deadline,
            ["missionCode"] = "GS-TEST",
            ["number"] = "1",
            ["text"] = "Đẩy mạnh thanh tra, kiểm tra việc thực hiện chế độ công vụ.",
        }, Committee);
        await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().SaveChangesAsync();
        return instance.Id;
    }
}
