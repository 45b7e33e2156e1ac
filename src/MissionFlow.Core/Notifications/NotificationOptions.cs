using MailKit.Security;
using MimeKit;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.Notifications;

/// <summary>How notices are written and delivered; the host binds it from "MissionFlow:Reminders".</summary>
public sealed class NotificationOptions
{
    /// <summary>Language of people with no account or no preference: "vi" or "en".</summary>
    public string DefaultLanguage { get; set; } = "vi";

    /// <summary>The address people reach MissionFlow at, for the links in emails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How long a one-click acknowledge link stays valid.</summary>
    public int LinkLifetimeDays { get; set; } = 14;

    /// <summary>Above this many notices to one person at once, they get one digest instead of the notices in full.</summary>
    public int DigestCap { get; set; } = 5;

    /// <summary>The weekly digest lists what falls due within this many days.</summary>
    public int DueSoonDays { get; set; } = 14;

    /// <summary>Recipients served per delivery run, over one SMTP connection.</summary>
    public int DeliveryBatchSize { get; set; } = 50;

    /// <summary>Transient failures (4xx, no connection) are retried with growing waits up to this many attempts.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Where messages go as .eml files when no SMTP host is set; the host sets "mail" under the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The SMTP relay. An empty <see cref="Host"/> means the .eml pickup folder instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "MissionFlow:Reminders:Mail:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "Auto";

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// SHA-256 of the relay's certificate (hex; colons, spaces and case ignored). When set, TLS accepts that
    /// certificate and no other, whoever signed it; empty, the system's usual validation. See <see cref="CertificatePin"/>.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }
    public string From { get; set; } = "MissionFlow <no-reply@missionflow.local>";

    /// <summary>Seconds before a silent server counts as a transient failure.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary><see cref="Security"/> as MailKit takes it.</summary>
    public SecureSocketOptions SocketSecurity =>
        Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(Security, out _)
            ? mode
            : throw new SettingException($"{Section}:Security '{Security}' is not one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.");

    /// <summary>Stops start-up on a setting that would fail every delivery run, rather than let each run fail with it.</summary>
    public void Validate()
    {
        _ = SocketSecurity;
        CertificatePin.Parse(TrustedCertificateSha256);
        if (!MailboxAddress.TryParse(From, out _))
            throw new SettingException($"{Section}:From '{From}' is not an address such as \"MissionFlow <no-reply@hdnd.example>\".");
    }
}
