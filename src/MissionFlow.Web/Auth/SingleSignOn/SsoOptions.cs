namespace MissionFlow.Web.Auth.SingleSignOn;

/// <summary>Section "MissionFlow:Sso": an OpenID Connect provider beside the local accounts; off while Authority is empty.</summary>
public sealed class SsoOptions
{
    /// <summary>The authentication scheme's name; its callback is <see cref="CallbackPath"/>.</summary>
    public const string Scheme = "oidc";

    /// <summary>The redirect URI to register at the provider, under the public URL.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The provider's issuer URL; its /.well-known/openid-configuration is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client: the code flow is protected by PKCE either way.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in page's button ("Đăng nhập bằng {DisplayName}").</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>False only for a provider on this machine's loopback (tests): tokens and keys are otherwise fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
