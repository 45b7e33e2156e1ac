using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MissionFlow.Web.Tests.People;

/// <summary>The admin disables, enables and changes accounts; every session of the account follows at once.</summary>
public sealed partial class AccountLifecycleTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignInAsync(Demo.Admin);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_disabled_persons_bearer_token_stops_at_the_next_request_and_neither_refresh_nor_sign_in_lets_them_back()
    {
        var tokens = await LogInAsync(Demo.AgencyOfficer);
        var officer = Bearer(tokens.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/recommendations")).StatusCode);

        var disabled = await _admin.PostAsync($"/api/users/{await IdOfAsync(Demo.AgencyOfficer)}/disable", null).OkJsonAsync();
        Assert.True(disabled.GetProperty("disabled").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/recommendations")).StatusCode);
        var refresh = await _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInResponseAsync(Demo.AgencyOfficer)).StatusCode);

        await _admin.PostAsync($"/api/users/{await IdOfAsync(Demo.AgencyOfficer)}/enable", null).OkJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await LogInResponseAsync(Demo.AgencyOfficer)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_persons_cookie_is_signed_out_on_the_next_page_and_the_sign_in_page_refuses_them()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Demo.AgencyHead, password = "Demo@12345" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Recommendations")).StatusCode);

        await _admin.PostAsync($"/api/users/{await IdOfAsync(Demo.AgencyHead)}/disable", null).OkJsonAsync();

        var next = await browser.GetAsync("/Recommendations");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/Account/SignIn", new Uri(browser.BaseAddress!, next.Headers.Location!).AbsolutePath);
        var refused = await SignInOnThePageAsync(Browser(), Demo.AgencyHead);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("không được phép đăng nhập", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deactivating_an_agency_ends_its_peoples_sessions_and_refuses_their_sign_in_until_it_is_active_again()
    {
        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        var head = await _app.SignInAsync(Demo.AgencyHead);
        var committee = await _app.SignInAsync(Demo.Committee);
        var agency = (await _admin.GetJsonAsync("/api/agencies")).EnumerateArray().Single(a => a.GetProperty("code").GetString() == "SCT-TH");

        await SetActiveAsync(agency, false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await head.GetAsync("/api/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/api/recommendations")).StatusCode);
        var login = await LogInResponseAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("NotAllowed", await login.Content.ReadAsStringAsync());
        Assert.Contains("không được phép đăng nhập", await (await SignInOnThePageAsync(Browser(), Demo.AgencyOfficer)).Content.ReadAsStringAsync());

        await SetActiveAsync(agency, true);
        Assert.Equal(HttpStatusCode.OK, (await LogInResponseAsync(Demo.AgencyOfficer)).StatusCode);
    }

    [Fact]
    public async Task A_changed_role_or_agency_stops_the_old_token_and_the_new_one_carries_the_change()
    {
        var old = await _app.SignInAsync(Demo.AgencyOfficer);
        var id = await IdOfAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await old.PostAsJsonAsync("/api/missions", new { })).StatusCode);

        var changed = await _admin.PutAsJsonAsync($"/api/users/{id}", new { role = "committee", agencyId = (string?)null, fullName = "Chuyên viên Văn phòng HĐND", language = "en" }).OkJsonAsync();
        Assert.Equal(("committee", "en"), (changed.GetProperty("role").GetString(), changed.GetProperty("language").GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/recommendations")).StatusCode);
        // Before, the agency officer could not send the mission form at all (403); the new token's committee
        // member may, and is told what an empty one lacks (400).
        var renewed = await _app.SignInAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.BadRequest, (await renewed.PostAsJsonAsync("/api/missions", new { })).StatusCode);
    }

    [Fact]
    public async Task The_rules_of_creation_hold_for_a_change_and_the_admin_keeps_at_least_one_enabled_admin()
    {
        var officer = await IdOfAsync(Demo.AgencyOfficer);
        Assert.Equal("agencyId", await RefusedFieldAsync(await _admin.PutAsJsonAsync($"/api/users/{officer}", new { role = "agency-head" }), HttpStatusCode.BadRequest));
        Assert.Equal("agencyId", await RefusedFieldAsync(await _admin.PutAsJsonAsync($"/api/users/{officer}", new { role = "committee", agencyId = Guid.NewGuid() }), HttpStatusCode.BadRequest));
        Assert.Equal("role", await RefusedFieldAsync(await _admin.PutAsJsonAsync($"/api/users/{officer}", new { role = "mayor" }), HttpStatusCode.BadRequest));
        Assert.Equal("language", await RefusedFieldAsync(await _admin.PutAsJsonAsync($"/api/users/{officer}", new { role = "committee", language = "fr" }), HttpStatusCode.BadRequest));
        Assert.Equal("agency-officer", (await _admin.GetJsonAsync($"/api/users/{officer}")).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync("/api/users/no-such-account/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignInAsync(Demo.Committee)).PostAsync($"/api/users/{officer}/disable", null)).StatusCode);

        var admin = await IdOfAsync(Demo.Admin);
        Assert.Equal("id", await RefusedFieldAsync(await _admin.PostAsync($"/api/users/{admin}/disable", null), HttpStatusCode.Conflict));
        await _admin.PostAsJsonAsync("/api/users", new { email = "quantri2@thanhhoa.example", role = "admin", password = "hai quan tri vien du phong" }).OkJsonAsync(HttpStatusCode.Created);
        var second = await _app.SignInAsync("quantri2@thanhhoa.example", "hai quan tri vien du phong");
        await second.PostAsync($"/api/users/{admin}/disable", null).OkJsonAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _admin.GetAsync("/api/users")).StatusCode);
        Assert.Equal("role", await RefusedFieldAsync(await second.PutAsJsonAsync($"/api/users/{await IdOfAsync("quantri2@thanhhoa.example", second)}", new { role = "committee" }), HttpStatusCode.Conflict));
    }

    private async Task<string> IdOfAsync(string email, HttpClient? admin = null) =>
        (await (admin ?? _admin).GetJsonAsync("/api/users")).EnumerateArray().Single(p => p.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;

    private async Task SetActiveAsync(JsonElement agency, bool active) =>
        await _admin.PutAsJsonAsync($"/api/agencies/{agency.GetProperty("id").GetString()}", new
        {
            name = agency.GetProperty("name").GetString(), email = agency.GetProperty("email").GetString(),
            headEmail = agency.GetProperty("headEmail").GetString(), parentCode = "UBND-TH", active,
        }).OkJsonAsync();

    private Task<HttpResponseMessage> LogInResponseAsync(string email) =>
        _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Demo@12345" });

    private async Task<JsonElement> LogInAsync(string email) => await LogInResponseAsync(email).OkJsonAsync();

    private HttpClient Bearer(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser: keeps its cookies, shows redirects rather than following them.</summary>
    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> SignInOnThePageAsync(HttpClient browser, string email)
    {
        var form = await (await browser.GetAsync("/Account/SignIn")).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await browser.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = "Demo@12345", ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<string> RefusedFieldAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateObject()).Name;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
