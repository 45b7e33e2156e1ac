using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MissionFlow.Web.Health;

/// <summary>
/// The answer of /health/ready: each check's status, its sentence and its figures. Exceptions are left out: the
/// route is anonymous, and what went wrong is in the log.
/// </summary>
internal static class HealthJson
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = (long)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, JsonSerializerOptions.Web, http.RequestAborted);
    }
}
