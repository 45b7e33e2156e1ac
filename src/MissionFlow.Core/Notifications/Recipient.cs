namespace MissionFlow.Core.Notifications;

/// <summary>
/// One address a notice goes to, in its person's language. <see cref="AgencyRole"/> is set when the address
/// speaks for the supervised agency (its officer or head): only they may acknowledge, so only they get the link.
/// </summary>
public sealed record Recipient(string Email, string Language, string? AgencyRole, Guid? AgencyId);
