namespace MissionFlow.Web.Auth.SingleSignOn;

/// <summary>Sign-ins through the provider, for the operator's log beside the admin's account changes (2001–2004).</summary>
internal static partial class SsoLog
{
    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Account {Email} signed in through the single sign-on provider.")]
    public static partial void SignedIn(ILogger logger, string email);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Single sign-on refused for {Email}: {Reason}.")]
    public static partial void Refused(ILogger logger, string? email, SsoRefusal reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "The single sign-on provider's answer failed: {Failure}")]
    public static partial void ProviderFailed(ILogger logger, string? failure);
}
