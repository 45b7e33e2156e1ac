using MissionFlow.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Notifications;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Notifications;

/// <summary>Delivery to a relay that speaks STARTTLS with a self-signed certificate and requires AUTH.</summary>
public sealed class SecureRelayTests
{
    [Fact]
    public async Task A_pinned_self_signed_relay_gets_the_batch_over_TLS_after_AUTH()
    {
        // The pin as openssl prints it, colons and upper case, and here lower-cased: neither matters.
        await using var world = await StartAsync("sqlite", secureRelay: true,
            tune: o => o.Smtp.TrustedCertificateSha256 = string.Join(':', o.Smtp.TrustedCertificateSha256!.Chunk(2).Select(p => new string(p))).ToLowerInvariant());
        await world.IssueAsync("2026-11-04");
        await world.SweepAsync();

        var result = await world.DeliverAsync();

        Assert.Equal((3, 3, 0, 0), (result.Emails, result.Sent, result.Retrying, result.Failed));
        Assert.Equal([AgencyMailbox, OfficerAccount, HeadMailbox], world.Inbox.Select(m => m.Message.To.ToString()));
        Assert.Equal(1, world.Smtp.Sessions);
    }

    [Fact]
    public async Task Without_a_pin_the_self_signed_certificate_fails_the_usual_validation_and_the_emails_wait()
    {
        await using var world = await StartAsync("sqlite", secureRelay: true, tune: o => o.Smtp.TrustedCertificateSha256 = "");
        await world.IssueAsync("2026-11-04");
        await world.SweepAsync();

        var result = await world.DeliverAsync();

        Assert.Equal((0, 3), (result.Emails, result.Retrying));
        Assert.Empty(world.Smtp.Received);
        Assert.All(await world.QueryAsync(db => db.Outbox.ToListAsync()), m => Assert.Contains("certificate could not be validated", m.LastError));
    }

    [Fact]
    public async Task Another_certificate_than_the_pinned_one_sends_nothing_and_loses_nothing()
    {
        string? pinned = null;
        await using var world = await StartAsync("sqlite", secureRelay: true, tune: o =>
        {
            pinned = o.Smtp.TrustedCertificateSha256!;
            o.Smtp.TrustedCertificateSha256 = (pinned[0] == '0' ? "1" : "0") + pinned[1..];
        });
        await world.IssueAsync("2026-11-04");
        await world.SweepAsync();

        var refused = await world.DeliverAsync();

        Assert.Equal((0, 0, 3, 0), (refused.Emails, refused.Sent, refused.Retrying, refused.Failed));
        Assert.Empty(world.Smtp.Received);
        var presented = CertificatePin.Sha256Of(world.Smtp.Certificate!);
        Assert.All(await world.QueryAsync(db => db.Outbox.ToListAsync()), m =>
        {
            Assert.Equal((OutboxStatus.Queued, 1), (m.Status, m.Attempts));
            Assert.StartsWith($"connect: the relay's TLS certificate (SHA-256 {presented}) is not the one pinned by {CertificatePin.Setting}", m.LastError);
        });

        world.Options.Smtp.TrustedCertificateSha256 = pinned;
        world.Host.Time.Advance(OutboxDelivery.Wait(1));
        var sent = await world.DeliverAsync();

        Assert.Equal(3, sent.Sent);
        Assert.Equal(3, world.Smtp.MessageIds.Distinct().Count());
    }

    [Fact]
    public async Task A_wrong_password_says_authentication_failed_and_retries_until_the_attempts_run_out()
    {
        await using var world = await StartAsync("sqlite", secureRelay: true, tune: o =>
        {
            o.Smtp.Password = "not-the-password";
            o.MaxAttempts = 2;
        });
        await world.IssueAsync("2026-11-04");
        await world.SweepAsync();

        var first = await world.DeliverAsync();
        world.Host.Time.Advance(OutboxDelivery.Wait(1));
        var second = await world.DeliverAsync();

        Assert.Equal((0, 3, 0), (first.Sent, first.Retrying, first.Failed));
        Assert.Equal((0, 0, 3), (second.Sent, second.Retrying, second.Failed));
        Assert.Empty(world.Smtp.Received);
        Assert.All(await world.QueryAsync(db => db.Outbox.ToListAsync()), m =>
            Assert.StartsWith($"connect: authentication failed for SMTP user '{RelayLogin.UserName}': ", m.LastError));
    }

    [Theory]
    [InlineData("12:34")]
    [InlineData("3B7E0F5A9C2D41E6B8F07A1C5D93E2B4F6A08C1D")] // a SHA-1 thumbprint, what Windows shows first
    [InlineData("g3b7e0f5a9c2d41e6b8f07a1c5d93e2b4f6a08c1d3b7e0f5a9c2d41e6b8f07a1")]
    public void A_pin_that_is_not_a_SHA_256_stops_start_up_naming_the_setting(string pin)
    {
        var options = new NotificationOptions { Smtp = { Host = "relay.hdnd.test", TrustedCertificateSha256 = pin } };

        var error = Assert.Throws<SettingException>(() => new ServiceCollection().AddMissionFlowReminders(options));

        Assert.Contains(CertificatePin.Setting, error.Message);
        Assert.Contains(pin, error.Message);
    }
}
