using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionFlow.Web.Health;
using MissionFlow.Web.Ui;

namespace MissionFlow.Web.Health;

/// <summary>The figures of /health/ready, run afresh, in the reader's language.</summary>
internal sealed class HealthModel(HealthCheckService health, UiText text) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthRegistration.Ready), ct);

    /// <summary>The status's CSS tag: degraded and failed stand out as overdue items do.</summary>
    public static string Tag(HealthStatus status) => status == HealthStatus.Healthy ? "tag" : "tag overdue";

    // Each key written out, so the resource test sees every one the page can ask for.
    public string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => text["Health.Status.Healthy"],
        HealthStatus.Degraded => text["Health.Status.Degraded"],
        _ => text["Health.Status.Unhealthy"],
    };

    public string Check(string name) => name switch
    {
        HealthRegistration.Database => text["Health.Check.database"],
        HealthRegistration.Jobs => text["Health.Check.jobs"],
        HealthRegistration.Relay => text["Health.Check.smtp"],
        HealthRegistration.Outbox => text["Health.Check.outbox"],
        HealthRegistration.Timers => text["Health.Check.timers"],
        _ => name,
    };

    public string Figure(string key, object value) => $"{Label(key)}: {(value is bool yes ? text[yes ? "Health.Yes" : "Health.No"] : string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0:N0}", value))}";

    private string Label(string key) => key switch
    {
        "servers" => text["Health.Figure.servers"],
        "lastHeartbeatSeconds" => text["Health.Figure.lastHeartbeatSeconds"],
        "configured" => text["Health.Figure.configured"],
        "queued" => text["Health.Figure.queued"],
        "oldestQueuedSeconds" => text["Health.Figure.oldestQueuedSeconds"],
        "failed" => text["Health.Figure.failed"],
        "failedRecently" => text["Health.Figure.failedRecently"],
        _ => key,
    };
}
