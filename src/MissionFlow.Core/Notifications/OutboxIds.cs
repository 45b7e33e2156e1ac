using MimeKit;

namespace MissionFlow.Core.Notifications;

/// <summary>Message-IDs are fixed when a row is written, on the sender's domain, so a resend is recognisable.</summary>
public static class OutboxIds
{
    public static string NewMessageId(string from)
    {
        var domain = MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } d ? d : "missionflow.local";
        return $"{Guid.CreateVersion7():N}@{domain}";
    }
}
