using Microsoft.Extensions.Logging;

namespace MissionFlow.Core.People;

/// <summary>What the admin did to an account, for the operator's log: who changed whom, never a password.</summary>
internal static partial class AccountLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Account {Email} created with role {Role} by user {By}.")]
    public static partial void Created(ILogger logger, string email, string role, string? by);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Account {Email} changed to role {Role}, agency {AgencyId}, by user {By}.")]
    public static partial void Updated(ILogger logger, string email, string role, Guid? agencyId, string? by);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Account {Email} disabled by user {By}.")]
    public static partial void Disabled(ILogger logger, string email, string? by);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Account {Email} enabled by user {By}.")]
    public static partial void Enabled(ILogger logger, string email, string? by);
}
