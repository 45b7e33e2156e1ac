using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionFlow.Web.Health;

namespace MissionFlow.Web.Pages.Admin;

/// <summary>The figures of /health/ready, run afresh, in the reader's language.</summary>
internal sealed class HealthModel(HealthCheckService health) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthRegistration.Ready), ct);

    /// <summary>The status's CSS tag: degraded and failed stand out as overdue items do.</summary>
    public static string Tag(HealthStatus status) => status == HealthStatus.Healthy ? "tag" : "tag overdue";
}
