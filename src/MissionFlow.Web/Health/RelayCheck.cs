using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionFlow.Core.Notifications;

namespace MissionFlow.Web.Health;

/// <summary>
/// Opens a connection to the SMTP relay as a delivery would (connect, EHLO, STARTTLS and AUTH when configured)
/// with a short timeout, and reuses the answer for a while. A relay that refuses is degraded, not failed: emails
/// wait in the outbox and go when it is back, and the rest of the app works.
/// </summary>
internal sealed class RelayCheck(NotificationOptions mail, HealthOptions options, TimeProvider time, ILogger<RelayCheck> log) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(mail.Smtp.Host))
            return HealthCheckResult.Healthy("No relay is configured: emails are written to the pickup folder.", new Dictionary<string, object> { ["configured"] = false });
        // Probes arriving together wait for one connection instead of opening one each.
        await _one.WaitAsync(ct);
        try
        {
            if (_last is not { } last || time.GetUtcNow() - last.At >= TimeSpan.FromSeconds(options.RelayCacheSeconds))
                _last = last = (time.GetUtcNow(), await ProbeAsync(context, ct));
            return last.Result;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthCheckContext context, CancellationToken ct)
    {
        var data = new Dictionary<string, object> { ["configured"] = true };
        var timeout = TimeSpan.FromSeconds(options.RelayProbeSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await using var session = await SmtpMailSession.OpenAsync(mail.Smtp, limit.Token, timeout);
            return HealthCheckResult.Healthy("The relay answers.", data);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The reason goes to the log only: the probe is anonymous and must not tell strangers about the relay.
            log.LogWarning(e, "The SMTP relay did not accept a connection; emails wait in the outbox");
            return new HealthCheckResult(HealthStatus.Degraded, "The relay refuses or does not answer: emails wait in the outbox.", data: data);
        }
    }

    public void Dispose() => _one.Dispose();
}
