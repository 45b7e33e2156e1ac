namespace MissionFlow.Core.Notifications;

/// <summary>A one-click link from an email that has been used: inserting its id twice fails, so a link acts once.</summary>
public sealed class UsedLinkToken
{
    public required string TokenId { get; init; }
    public required DateTimeOffset UsedAt { get; init; }
}
