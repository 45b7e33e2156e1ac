using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Bench.Scale;

/// <summary>
/// Fills the app's database through its own services as a committee would: 20 agencies (the demo's two and 18
/// more), then missions over all of them, each planned, held, concluded with 1,000 recommendations spread over
/// the agencies in turn and issued, in one transaction per mission.
/// </summary>
public sealed class ScaleLoad(IServiceProvider services)
{
    public const int AgencyCount = 20;

    /// <summary>The demo's agency officer's agency: its inbox holds one recommendation in 20.</summary>
    public const string OfficerAgencyCode = "SCT-TH";

    private static readonly Actor Committee = new("thuongtruc@missionflow.local", new HashSet<string> { Roles.Committee });
    private static readonly Dictionary<string, string?> NoInput = [];

    private List<Guid> _agencies = [];

    public async Task AgenciesAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyService>();
        var existing = await agencies.ListAsync();
        for (var i = existing.Count + 1; i <= AgencyCount; i++)
            await agencies.CreateAsync(new CreateAgencyRequest($"SCALE-{i:00}", $"Sở thứ {i} (đo tải)", $"so{i}@scale.missionflow.local", $"giamdoc.so{i}@scale.missionflow.local", "UBND-TH"));
        _agencies = [.. (await agencies.ListAsync()).Where(a => a.Active).Select(a => a.Id)];
        if (_agencies.Count != AgencyCount)
            throw new InvalidOperationException($"Expected {AgencyCount} active agencies, found {_agencies.Count}.");
    }

    /// <summary>Every recommendation stored: the load's and the demo mission's.</summary>
    public async Task<int> StoredAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Recommendations.CountAsync();
    }

    /// <summary>The load's missions already stored (by an earlier run on a reused database).</summary>
    public async Task<int> MissionsStoredAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Missions.CountAsync(m => m.Code.StartsWith("GS-SCALE-"));
    }

    /// <summary>Plans, holds, concludes and issues mission number <paramref name="index"/>.</summary>
    public async Task MissionAsync(int index)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var missions = scope.ServiceProvider.GetRequiredService<MissionService>();
        var today = scope.ServiceProvider.GetRequiredService<CouncilClock>().LocalDate(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync();
        var code = $"GS-SCALE-{index:000}";
        var mission = await missions.CreateAsync(new CreateMissionRequest(code, $"Giám sát số {index} (đo tải)",
            "Việc thực hiện chính sách, pháp luật về cải cách hành chính", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            null, _agencies, [new("doangiamsat@missionflow.local", "delegation-head")], null), Committee);
        await missions.FireAsync(mission.Id, "approve-plan", Committee, NoInput);
        await missions.FireAsync(mission.Id, "request-report", Committee, NoInput);
        await missions.RecordOnsiteSessionAsync(mission.Id, new OnsiteSessionRequest(today, "Trụ sở các cơ quan được giám sát",
            ["Đoàn giám sát của Thường trực HĐND tỉnh"], [new("Hồ sơ đã giải quyết", 4387, "hồ sơ")], null), Committee);
        await missions.FireAsync(mission.Id, "hold-onsite", Committee, NoInput);
        await missions.FireAsync(mission.Id, "draft-conclusion", Committee, NoInput);
        var recommendations = Enumerable.Range(0, ScaleOptions.PerMission).Select(i => new RecommendationRequest(
            _agencies[i % _agencies.Count],
            $"Kiến nghị {i + 1} của đoàn {code}: rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền và báo cáo kết quả.",
            today.AddDays(30 + (index * 7 + i) % 330), null, i % 10 == 0 ? "high" : null)).ToList();
        await missions.WriteConclusionAsync(mission.Id, new ConclusionRequest(today, "Chủ tịch HĐND tỉnh", null, [], recommendations), Committee);
        await missions.FireAsync(mission.Id, "issue-conclusion", Committee, NoInput);
        await transaction.CommitAsync();
    }
}
