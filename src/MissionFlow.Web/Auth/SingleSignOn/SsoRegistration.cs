using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MissionFlow.Core.Common;

namespace MissionFlow.Web.Auth.SingleSignOn;

/// <summary>Program.cs's part for single sign-on: the OpenID Connect handler, when an authority is configured.</summary>
internal static class SsoRegistration
{
    /// <summary>Throws <see cref="SettingException"/> naming a setting that cannot be used, before anything is written.</summary>
    public static IServiceCollection AddMissionFlowSso(this IServiceCollection services, SsoOptions sso)
    {
        services.AddSingleton(sso);
        services.AddScoped<SsoAccounts>();
        if (!sso.Enabled)
            return services;
        if (!Uri.TryCreate(sso.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            throw new SettingException($"MissionFlow:Sso:Authority '{sso.Authority}' is not an absolute https:// address.");
        if (authority.Scheme == "http" && sso.RequireHttpsMetadata)
            throw new SettingException($"MissionFlow:Sso:Authority '{sso.Authority}' is not HTTPS (MissionFlow:Sso:RequireHttpsMetadata is true).");
        if (string.IsNullOrWhiteSpace(sso.ClientId))
            throw new SettingException("MissionFlow:Sso:ClientId must be set when MissionFlow:Sso:Authority is.");
        if (string.IsNullOrWhiteSpace(sso.DisplayName))
            throw new SettingException("MissionFlow:Sso:DisplayName must not be empty: it names the sign-in button.");

        services.AddAuthentication().AddOpenIdConnect(SsoOptions.Scheme, sso.DisplayName, o =>
        {
            // The provider's identity lands in Identity's short-lived external cookie only; the callback page maps it
            // to a MissionFlow account and issues the same application cookie a password sign-in does.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.CallbackPath = SsoOptions.CallbackPath;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // A redirect back, not the handler's default form post: the cookie policy makes every cookie at least
            // SameSite=Lax, and a provider on another site posting back would arrive without the correlation cookie.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.Scope.Add(OpenIdConnectScope.Email);
            // The provider's own claim names ("email", "email_verified"), not WS-Federation URIs.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Events.OnRemoteFailure = failure =>
            {
                SsoLog.ProviderFailed(failure.HttpContext.RequestServices.GetRequiredService<ILogger<SsoOptions>>(), failure.Failure?.Message);
                failure.Response.Redirect(SsoPages.Failed);
                failure.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
