using MissionFlow.Core.Common;
using MissionFlow.Core.Telemetry;
using MissionFlow.Web.Auth;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MissionFlow.Web.Telemetry;

/// <summary>OpenTelemetry: ASP.NET Core's, EF Core's and MissionFlow's own meters, exported as configured, off by default.</summary>
internal static class TelemetryRegistration
{
    /// <summary>EF Core's own meter (queries, saves, contexts), built into EF Core since version 9.</summary>
    private const string EfCoreMeter = "Microsoft.EntityFrameworkCore";

    public static IServiceCollection AddMissionFlowTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        if (!options.Enabled)
            return services;
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null
            : Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint
            : throw new SettingException($"MissionFlow:Telemetry:OtlpEndpoint '{options.OtlpEndpoint}' is not an absolute address such as http://collector:4317.");
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("MissionFlow"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(EfCoreMeter, MissionFlowMetrics.MeterName);
                if (options.Prometheus)
                    metrics.AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        // Traces have no scrape endpoint: they are kept only when a collector takes them.
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return services;
    }

    /// <summary>The scrape endpoint, admin-only: its figures describe the council's workload.</summary>
    public static void MapMissionFlowTelemetry(this WebApplication app, TelemetryOptions options)
    {
        if (options.Prometheus)
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath).RequireAuthorization(Policies.Admin);
    }
}
