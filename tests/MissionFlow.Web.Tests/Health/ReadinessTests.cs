using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Web.Tests.Jobs;

namespace MissionFlow.Web.Tests.Health;

/// <summary>/health/ready as an operator's monitor reads it, anonymous, over the real host.</summary>
[Collection(HangfireServerCollection.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_relay_that_stops_answering_degrades_readiness_without_failing_it_and_the_answer_names_no_address()
    {
        var relay = new LoopbackSmtp();
        await using var app = new MissionFlowApp { Settings = Relay(relay.Port, cacheSeconds: 0), JobsServer = true };
        var client = app.CreateClient();

        var (up, upBody) = await ReadyAsync(client, until: body => Status(body, "jobs") == "Healthy");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (up, upBody.GetProperty("status").GetString()));
        Assert.Equal("Healthy", Status(upBody, "smtp"));

        await relay.DisposeAsync();
        var (down, downBody) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, down);
        Assert.Equal("Degraded", downBody.GetProperty("status").GetString());
        Assert.Equal("Degraded", Status(downBody, "smtp"));
        Assert.Equal(("Healthy", "Healthy"), (Status(downBody, "database"), Status(downBody, "jobs")));
        var outbox = downBody.GetProperty("checks").GetProperty("outbox").GetProperty("data");
        Assert.True(outbox.GetProperty("queued").GetInt32() >= 0 && outbox.GetProperty("oldestQueuedSeconds").GetInt64() >= 0);
        // Anonymous: counts and ages only, never an address, a subject or the relay's own words.
        Assert.DoesNotContain("@", downBody.GetRawText());
        Assert.DoesNotContain("127.0.0.1", downBody.GetRawText());
    }

    [Fact]
    public async Task Frequent_probes_reuse_the_relays_answer_instead_of_connecting_each_time()
    {
        await using var relay = new LoopbackSmtp();
        await using var app = new MissionFlowApp { Settings = Relay(relay.Port, cacheSeconds: 60) };
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
            Assert.Equal("Healthy", Status((await ReadyAsync(client)).Body, "smtp"));

        Assert.Equal(1, relay.Sessions);
    }

    [Fact]
    public async Task Without_a_relay_the_mail_check_says_not_configured_and_stays_healthy()
    {
        await using var app = new MissionFlowApp();

        var (_, body) = await ReadyAsync(app.CreateClient());

        var smtp = body.GetProperty("checks").GetProperty("smtp");
        Assert.Equal("Healthy", smtp.GetProperty("status").GetString());
        Assert.False(smtp.GetProperty("data").GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task No_job_server_makes_the_app_not_ready()
    {
        await using var app = new MissionFlowApp { JobsServer = false };

        var (status, body) = await ReadyAsync(app.CreateClient());

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (status, Status(body, "jobs")));
        Assert.Equal(0, body.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty("servers").GetInt32());
    }

    [Fact]
    public async Task A_timer_the_sweep_sets_aside_as_failed_is_reported_as_a_count()
    {
        await using var app = new MissionFlowApp();
        var client = app.CreateClient();
        Assert.Equal("Healthy", Status((await ReadyAsync(client)).Body, "timers"));

        var failed = await FailTimersAsync(app);
        var (_, body) = await ReadyAsync(client);

        var timers = body.GetProperty("checks").GetProperty("timers");
        Assert.Equal("Degraded", timers.GetProperty("status").GetString());
        Assert.Equal((failed, failed), (timers.GetProperty("data").GetProperty("failed").GetInt32(), timers.GetProperty("data").GetProperty("failedRecently").GetInt32()));
    }

    /// <summary>
    /// Bad data behind one demo follow-up with reminders due (its instance's JSON broken): the real sweep fails to
    /// fire them and sets them aside as failed, as it would in production. Returns how many it set aside.
    /// </summary>
    internal static async Task<int> FailTimersAsync(MissionFlowApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var now = DateTimeOffset.UtcNow;
        var due = db.Timers.Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now);
        var instance = await due.Select(t => t.InstanceId).FirstAsync();
        var owed = await due.CountAsync(t => t.InstanceId == instance);
        await db.Instances.Where(i => i.Id == instance).ExecuteUpdateAsync(s => s.SetProperty(i => i.DataJson, "{broken"));
        var result = await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(10_000);
        Assert.Equal(owed, result.Failed);
        return owed;
    }

    internal static Dictionary<string, string> Relay(int port, int cacheSeconds) => new()
    {
        ["MissionFlow:Reminders:Mail:Smtp:Host"] = "127.0.0.1",
        ["MissionFlow:Reminders:Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MissionFlow:Reminders:Mail:Smtp:Security"] = "None",
        ["MissionFlow:Health:RelayCacheSeconds"] = cacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? Status(JsonElement body, string check) =>
        body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();

    /// <summary>GET /health/ready, again until <paramref name="until"/> holds (a job server's first heartbeat takes a moment).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient client, Func<JsonElement, bool>? until = null)
    {
        for (var tries = 0; ; tries++)
        {
            var response = await client.GetAsync("/health/ready");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (until is null || until(body) || tries == 60)
                return (response.StatusCode, body);
            await Task.Delay(500);
        }
    }
}
