using System.Text.Json;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Missions;

/// <summary>
/// A fresh demo holds, beside the 2018 reference mission, a current one under Law 121/2025 in follow-up whose items
/// stand in every state and result, so the desk and the Office's task list show something on a fresh clone.
/// </summary>
public sealed class CurrentMissionDemoTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_fresh_demo_has_a_current_Law_121_mission_with_items_in_every_state_and_result()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var codes = (await committee.GetJsonAsync("/api/missions")).GetProperty("items").Strings("code");
        Assert.Equal([ReferenceMission.Code, CurrentMission.Code], codes.Order(StringComparer.Ordinal));

        var mission = await committee.GetJsonAsync($"/api/missions/{await Demo.MissionIdAsync(committee, CurrentMission.Code)}");
        Assert.Equal(("law-121-2025", "follow-up"), (mission.GetProperty("regime").GetString(), mission.GetProperty("state").GetString()));
        Assert.Contains("121/2025/QH15", mission.GetProperty("legalBasis").GetString());
        var onsite = mission.GetProperty("onsiteSessions")[0].GetProperty("date").GetDateOnly();
        Assert.True(onsite >= LegalRegimes.Law121InForce, $"on-site session {onsite} falls before Law 121/2025");

        var items = mission.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.All(items, i => Assert.True(i.GetProperty("deadline").GetDateOnly() >= LegalRegimes.Law121InForce));
        Assert.Contains(items, i => i.GetProperty("field").ValueKind == JsonValueKind.String);
        var states = items.Select(i => (i.GetProperty("state").GetString(), i.GetProperty("result").GetString())).ToList();
        Assert.Equal(
        [
            ("issued", null), ("acknowledged", null), ("in-progress", null), ("extension-requested", null), ("in-progress", null),
            ("submitted", null), ("closed", "done"), ("closed", "done"), ("in-progress", "partly-done"), ("in-progress", "not-meeting-requirements"),
            ("acknowledged", null),
        ], states);

        var followUp = await committee.GetJsonAsync($"/api/recommendations/{items[0].GetProperty("id").GetString()}");
        Assert.Equal(("recommendation-followup", 3), (followUp.GetProperty("workflow").GetProperty("id").GetString(), followUp.GetProperty("workflow").GetProperty("version").GetInt32()));
        var progress = await committee.GetJsonAsync($"/api/recommendations/{items[2].GetProperty("id").GetString()}");
        Assert.Equal(60, Assert.Single(progress.GetProperty("progressReports").EnumerateArray()).GetProperty("percent").GetInt32());
        var extended = await committee.GetJsonAsync($"/api/recommendations/{items[4].GetProperty("id").GetString()}");
        Assert.True(extended.GetProperty("deadline").GetDateOnly() > extended.GetProperty("originalDeadline").GetDateOnly());
        Assert.False(extended.GetProperty("overdue").GetBoolean());

        // Closed "done" twice: once before its deadline, once after it; one in two on time.
        var rollup = mission.GetProperty("rollup");
        Assert.Equal((2, 1, 50m), (rollup.GetProperty("closed").GetInt32(), rollup.GetProperty("closedOnTime").GetInt32(), rollup.GetProperty("onTimeClosureRate").GetDecimal()));
        Assert.Equal(2, rollup.GetProperty("overdue").GetInt32());
        var desk = await (await _app.SignInPagesAsync(Demo.Committee)).GetStringAsync("/");
        Assert.Contains("data-testid=\"on-time-rate\">50", desk);
        Assert.Contains("1/2 kiến nghị đã kết thúc theo dõi được thực hiện đúng thời hạn.", desk);
    }

    [Fact]
    public async Task The_overdue_item_has_its_reminder_letter_recorded_with_a_signed_PDF_and_the_next_rung_scheduled()
    {
        var committee = await _app.SignInAsync(Demo.Committee);
        var missionId = await Demo.MissionIdAsync(committee, CurrentMission.Code);
        var office = await _app.SignInAsync("vanphong@missionflow.local");
        var tasks = (await office.GetJsonAsync($"/api/office-tasks?missionId={missionId}")).GetProperty("items").EnumerateArray().ToList();

        var letter = tasks.Single(t => t.GetProperty("kind").GetString() == "reminder-letter");
        Assert.Equal(("done", "245/HĐND-VP", 11), (letter.GetProperty("state").GetString(), letter.GetProperty("documentNumber").GetString(), letter.GetProperty("number").GetInt32()));
        Assert.Equal("Chánh Văn phòng HĐND tỉnh", letter.GetProperty("signer").GetString());
        var next = tasks.Single(t => t.GetProperty("kind").GetString() == "second-reminder-letter");
        Assert.Equal("scheduled", next.GetProperty("state").GetString());
        Assert.True(next.GetProperty("dueDate").GetDateOnly() > letter.GetProperty("documentDate").GetDateOnly());

        var pdf = await committee.GetByteArrayAsync($"/api/recommendations/{letter.GetProperty("recommendationId").GetString()}/evidence/{letter.GetProperty("fileId").GetString()}");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Equal("%%EOF\n"u8.ToArray(), pdf[^6..]);
    }
}
