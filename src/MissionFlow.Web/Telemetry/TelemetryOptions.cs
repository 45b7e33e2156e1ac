namespace MissionFlow.Web.Telemetry;

/// <summary>Section "MissionFlow:Telemetry": metrics and traces leave the process only when one of these is set.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Serve the Prometheus scrape endpoint at <see cref="PrometheusPath"/>, to the admin only.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>An OpenTelemetry collector's OTLP address (http://collector:4317); metrics and traces are pushed to it.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool Enabled => Prometheus || !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
