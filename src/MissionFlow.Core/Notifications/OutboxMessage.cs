namespace MissionFlow.Core.Notifications;

/// <summary>
/// An email to send, written in the transaction of the change that caused it. <see cref="DedupeKey"/> is unique
/// (e.g. recommendation + kind + due date + recipient), so a timer or job that runs twice queues it once.
/// <see cref="MessageId"/> is fixed at creation, so a retry after a crash is recognisable downstream.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string DedupeKey { get; init; }
    public required string MessageId { get; init; }
    public required string To { get; init; }
    public string? Cc { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public required string HtmlBody { get; init; }
    public required string Kind { get; init; }
    public string Language { get; init; } = "vi";
    public Guid? RecommendationId { get; init; }
    public Guid? MissionId { get; init; }

    /// <summary>An iCalendar (.ics) attachment for the deadline, if the message carries one.</summary>
    public string? Calendar { get; init; }

    /// <summary>A stored file sent with the message (a recorded letter), read from the file store at send time.</summary>
    public Guid? AttachmentFileId { get; init; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
}

public enum OutboxStatus { Queued, Sent, Failed }
