using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Web.Auth.SingleSignOn;

namespace MissionFlow.Web.Tests.Auth;

/// <summary>Which account a provider's user becomes: only one whose e-mail the provider has verified, never a new one.</summary>
public sealed class SsoAccountTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("thuongtruc@missionflow.local", "true", null)]
    [InlineData("ThuongTruc@MissionFlow.Local", "True", null)]
    [InlineData("thuongtruc@missionflow.local", "false", SsoRefusal.NoVerifiedEmail)]
    [InlineData("thuongtruc@missionflow.local", null, SsoRefusal.NoVerifiedEmail)]
    [InlineData(null, "true", SsoRefusal.NoVerifiedEmail)]
    [InlineData("khong.co@missionflow.local", "true", SsoRefusal.NoAccount)]
    public async Task The_provider_s_verified_email_picks_the_account(string? email, string? verified, SsoRefusal? refusal)
    {
        var claims = new List<Claim>();
        if (email is not null)
            claims.Add(new Claim("email", email));
        if (verified is not null)
            claims.Add(new Claim("email_verified", verified));

        await using var scope = _app.Services.CreateAsyncScope();
        var (account, refused) = await scope.ServiceProvider.GetRequiredService<SsoAccounts>().MatchAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")));

        Assert.Equal(refusal, refused);
        if (refusal is null)
            Assert.Equal(Demo.Committee, account!.Email);
    }
}
