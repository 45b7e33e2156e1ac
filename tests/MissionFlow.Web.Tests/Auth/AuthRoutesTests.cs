using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.People;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Auth;

/// <summary>/api/auth has sign-in and token refresh, and nothing of Identity's self-service on any spelling.</summary>
public sealed class AuthRoutesTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly (string Method, string Path)[] SelfService =
    [
        ("POST", "/api/auth/register"), ("POST", "/api/auth/register/"), ("POST", "/api/auth/Register/"), ("POST", "/API/AUTH/REGISTER"),
        ("GET", "/api/auth/confirmEmail"), ("GET", "/api/auth/confirmemail/"),
        ("POST", "/api/auth/resendConfirmationEmail"), ("POST", "/api/auth/resendconfirmationemail/"),
        ("POST", "/api/auth/forgotPassword"), ("POST", "/api/auth/forgotpassword/"),
        ("POST", "/api/auth/resetPassword"), ("POST", "/api/auth/RESETPASSWORD/"),
        ("POST", "/api/auth/manage/2fa"), ("POST", "/api/auth/manage/2fa/"),
        ("GET", "/api/auth/manage/info"), ("POST", "/api/auth/manage/info/"),
    ];

    [Fact]
    public async Task Identitys_self_service_routes_answer_404_on_every_spelling_and_make_no_account()
    {
        var client = _app.CreateClient();
        var tried = new List<string>();
        foreach (var (method, path) in SelfService)
        {
            var email = $"intruder{tried.Count}@example.com";
            tried.Add(email);
            var body = JsonContent.Create(new { email, password = "Intruder@12345", newPassword = "Intruder@12345", resetCode = "x", enable = true });

            var answer = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : body });

            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)answer.StatusCode}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Intruder@12345" })).StatusCode);
        }
        var admin = await _app.SignInAsync(Demo.Admin);
        Assert.Empty((await admin.GetJsonAsync("/api/users")).Strings("email").Intersect(tried));
    }

    [Fact]
    public async Task Login_hands_out_bearer_tokens_and_refresh_swaps_them_for_a_working_pair()
    {
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.Committee, password = "Demo@12345" }).OkJsonAsync();
        Assert.Equal("Bearer", login.GetProperty("tokenType").GetString());
        Assert.True(login.GetProperty("expiresIn").GetInt32() > 0);

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() }).OkJsonAsync();
        Assert.NotEqual(login.GetProperty("accessToken").GetString(), refreshed.GetProperty("accessToken").GetString());
        client.DefaultRequestHeaders.Authorization = new("Bearer", refreshed.GetProperty("accessToken").GetString());
        Assert.Contains(ReferenceMission.Code, (await client.GetJsonAsync("/api/missions")).GetProperty("items").Strings("code"));

        var forged = await _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_stops_working_once_the_accounts_security_stamp_changed()
    {
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.AgencyOfficer, password = "Demo@12345" }).OkJsonAsync();
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(Demo.AgencyOfficer))!);
        }

        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_login_without_an_email_is_refused_naming_the_field()
    {
        var answer = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { password = "Demo@12345" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_login_and_refresh_and_no_other_auth_route()
    {
        var openApi = await _app.CreateClient().GetJsonAsync("/openapi/v1.json");

        var auth = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/auth", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(["/api/auth/login", "/api/auth/refresh"], auth.Order());
    }
}
