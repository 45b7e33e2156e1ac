using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace MissionFlow.Web.Tests.Auth;

/// <summary>
/// Sign-in tries per client address, over a real socket (the limit is by address), with a limit of 3 a minute.
/// Other client addresses come through X-Forwarded-For from loopback, the proxy trusted by default.
/// </summary>
public sealed partial class SignInRateLimitTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new() { Settings = { ["MissionFlow:Security:SignIn:PermitLimit"] = "3" } };
    private Uri _server = null!;

    public Task InitializeAsync()
    {
        _server = _app.OnSocket();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_try_after_the_limit_from_one_address_gets_429_with_Retry_After_and_other_addresses_and_routes_go_on()
    {
        var client = Client("198.51.100.7");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.Admin, password = $"guess-{i}" })).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.Admin, password = "Demo@12345" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.JsonAsync()).GetProperty("status").GetInt32());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Another address signs in to the account the first one was guessing at: it was never locked.
        var other = Client("198.51.100.8");
        var token = await other.PostAsJsonAsync("/api/auth/login", new { email = Demo.Admin, password = "Demo@12345" }).OkJsonAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_shares_the_limit_and_says_so_in_Vietnamese()
    {
        var browser = Client("198.51.100.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/auth/login", new { email = Demo.Committee, password = "guess" })).StatusCode);
        for (var i = 0; i < 2; i++)
            Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await (await PostSignInAsync(browser, "guess")).Content.ReadAsStringAsync());

        var limited = await PostSignInAsync(browser, "Demo@12345");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Quá nhiều lần đăng nhập", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/SignIn")).StatusCode); // the form itself is still shown
    }

    private HttpClient Client(string address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string password)
    {
        var form = await browser.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await browser.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Demo.Committee, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
