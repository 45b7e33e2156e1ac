namespace MissionFlow.Web.Auth.SingleSignOn;

/// <summary>Where the sign-in page's button and the handler's failure lead.</summary>
internal static class SsoPages
{
    public const string Page = "/Account/SingleSignOn";

    public const string Failed = Page + "?handler=Failed";
}
