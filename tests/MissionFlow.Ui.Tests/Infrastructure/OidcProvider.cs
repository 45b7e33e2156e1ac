using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MissionFlow.Ui.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port: discovery, the authorization code flow with PKCE,
/// signed id tokens. Its login is no form: it signs in whoever <see cref="Email"/> names at once, as a provider would
/// after the person typed a password there.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "missionflow";
    public const string ClientSecret = "provider-secret-for-tests";

    private readonly string _database = Path.Combine(Directory.CreateTempSubdirectory("missionflow-oidc-").FullName, "provider.db");
    private WebApplication? _app;

    /// <summary>The e-mail of the person the provider signs in next; the provider says it is verified.</summary>
    public string Email { get; set; } = "";

    /// <summary>http://127.0.0.1:port/, the issuer, once started.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>MissionFlow's settings for this provider, as an operator would write them.</summary>
    public Dictionary<string, string?> ClientSettings() => new()
    {
        ["MissionFlow:Sso:Authority"] = Authority,
        ["MissionFlow:Sso:ClientId"] = ClientId,
        ["MissionFlow:Sso:ClientSecret"] = ClientSecret,
        ["MissionFlow:Sso:DisplayName"] = "Cổng dịch vụ tỉnh",
        ["MissionFlow:Sso:RequireHttpsMetadata"] = "false",
    };

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite($"Data Source={_database}").UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        _app = builder.Build();
        _app.MapMethods("connect/authorize", ["GET", "POST"], SignInTheTestUser);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await _app.StartAsync();
        Authority = _app.Urls.First().TrimEnd('/') + "/";
    }

    /// <summary>Lets MissionFlow's callback (its /signin-oidc, under its address) receive codes.</summary>
    public async Task RegisterClientAsync(string redirectUri)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private IResult SignInTheTestUser(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()!;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, Email));
        identity.AddClaim(new Claim(Claims.Email, Email));
        identity.AddClaim(new Claim(Claims.EmailVerified, "true", ClaimValueTypes.Boolean));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_database)!, recursive: true);
    }

    /// <summary>OpenIddict's applications, authorizations and tokens, in the provider's own SQLite file.</summary>
    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
