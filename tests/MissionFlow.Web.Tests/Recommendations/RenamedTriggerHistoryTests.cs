using System.Net.Http.Json;
using System.Text.Json;

namespace MissionFlow.Web.Tests.Recommendations;

/// <summary>
/// The history a recommendation shows follows what its version's triggers mean, not what they are called: a
/// version that renames the extension triggers still yields the request, the grant and the moved deadline.
/// </summary>
public sealed class RenamedTriggerHistoryTests : IDisposable
{
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["request-extension"] = "ask-for-more-time",
        ["grant-extension"] = "allow-more-time",
        ["refuse-extension"] = "deny-more-time",
    };

    private readonly string _workflows = Directory.CreateTempSubdirectory("missionflow-workflows-").FullName;

    /// <summary>The shipped definitions, with Law 87/2015's follow-up calling its extension triggers otherwise (meanings kept).</summary>
    public RenamedTriggerHistoryTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows")))
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "recommendation-followup.v1.json")
                foreach (var (old, name) in Renamed)
                    text = text.Replace($"\"trigger\": \"{old}\"", $"\"trigger\": \"{name}\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(_workflows, Path.GetFileName(file)), text);
        }
    }

    public void Dispose() => Directory.Delete(_workflows, recursive: true);

    [Fact]
    public async Task Renamed_extension_triggers_still_show_the_extension_and_the_moved_deadline()
    {
        await using var app = new MissionFlowApp { Settings = { ["MissionFlow:WorkflowsDirectory"] = _workflows } };
        var officer = await app.SignInAsync(Demo.AgencyOfficer);
        var committee = await app.SignInAsync(Demo.Committee);
        var page = await officer.GetJsonAsync("/api/recommendations?pageSize=10");
        var id = page.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("deadline").GetString() == "2018-12-31" && r.GetProperty("number").GetInt32() == 1)
            .GetProperty("id").GetString()!;

        await Act(officer, id, "acknowledge");
        await Act(officer, id, "ask-for-more-time", new { newDeadline = "2019-03-29", reason = "Chờ hướng dẫn của Bộ Công Thương" });
        var granted = await Act(committee, id, "allow-more-time");

        var extension = Assert.Single(granted.GetProperty("extensions").EnumerateArray());
        Assert.Equal("2019-03-29", extension.GetProperty("newDeadline").GetString());
        Assert.Equal("Chờ hướng dẫn của Bộ Công Thương", extension.GetProperty("reason").GetString());
        Assert.Equal("granted", extension.GetProperty("decision").GetString());
        Assert.Equal(["2018-12-31", "2019-03-29"], granted.GetProperty("deadlineHistory").EnumerateArray().Select(d => d.GetProperty("deadline").GetString()));
        var journal = await officer.GetJsonAsync($"/api/recommendations/{id}/journal");
        Assert.Equal(["start", "acknowledge", "ask-for-more-time", "allow-more-time"], journal.Strings("trigger"));
    }

    private static Task<JsonElement> Act(HttpClient client, string id, string trigger, object? body = null) =>
        client.PostAsJsonAsync($"/api/recommendations/{id}/actions/{trigger}", body ?? new { }).OkJsonAsync();
}
