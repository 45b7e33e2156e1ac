using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Notifications;

namespace MissionFlow.Web.Tests.Health;

/// <summary>The Prometheus scrape endpoint: off unless configured, the admin's only, and carrying MissionFlow's own meter.</summary>
public sealed class MetricsTests
{
    private static readonly Dictionary<string, string> Prometheus = new() { ["MissionFlow:Telemetry:Prometheus"] = "true" };

    [Fact]
    public async Task Metrics_are_not_served_unless_configured()
    {
        await using var app = new MissionFlowApp();
        var admin = await app.SignInAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task When_enabled_the_admin_scrapes_a_transition_and_a_failed_timer_and_nobody_else_scrapes_at_all()
    {
        await using var app = new MissionFlowApp { Settings = Prometheus };
        var committee = await app.SignInAsync(Demo.Committee);
        await PlanAndApproveAsync(committee);
        var failed = await ReadinessTests.FailTimersAsync(app);
        var delivered = await DeliverAsync(app);

        var admin = await app.SignInAsync(Demo.Admin);
        var scrape = await admin.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        // At least, not exactly: OpenTelemetry listens to every meter of that name in the process, and the other test
        // hosts running beside this one count their own transitions, timers and emails into it.
        Assert.True(Counted(text, """missionflow_transitions_total\{[^}]*trigger="approve-plan"[^}]*\}""") >= 1, text);
        Assert.True(Counted(text, """missionflow_timers_failed_total(\{[^}]*\})?""") >= failed, text);
        Assert.Contains("missionflow_timer_sweep_duration_seconds_count", text);
        Assert.True(Counted(text, """missionflow_emails_queued_total\{[^}]*kind="[a-z-]+"[^}]*\}""") >= 1, text);
        Assert.True(Counted(text, """missionflow_emails_sent_total(\{[^}]*\})?""") >= delivered, text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    /// <summary>The value of the first series matching <paramref name="series"/> in a Prometheus scrape, 0 if none.</summary>
    private static double Counted(string scrape, string series) =>
        System.Text.RegularExpressions.Regex.Match(scrape, $"""^{series} ([0-9.e+]+)""", System.Text.RegularExpressions.RegexOptions.Multiline) is { Success: true } m
            ? double.Parse(m.Groups[m.Groups.Count - 1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The delivery job's work, run now: the emails the sweep queued go to the pickup folder. Returns the rows sent.</summary>
    private static async Task<int> DeliverAsync(MissionFlowApp app)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync();
        Assert.True(result.Sent > 0, "the sweep queued no email to send");
        return result.Sent;
    }

    private static async Task PlanAndApproveAsync(HttpClient committee)
    {
        var agency = (await committee.GetJsonAsync("/api/agencies")).EnumerateArray()
            .Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString();
        var created = await committee.PostAsJsonAsync("/api/missions", new
        {
            code = "GS-METRICS", title = "Giám sát thử số liệu", topic = "Số liệu", periodFrom = "2025-01-01", periodTo = "2025-12-31",
            legalBasis = "Luật 87/2015/QH13", agencyIds = new[] { agency }, delegation = Array.Empty<object>(),
        }).OkJsonAsync();
        await committee.PostAsJsonAsync($"/api/missions/{created.GetProperty("id").GetString()}/actions/approve-plan", new { }).OkJsonAsync();
    }
}
