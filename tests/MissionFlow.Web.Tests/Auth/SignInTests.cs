using System.Net;
using System.Net.Http.Json;

namespace MissionFlow.Web.Tests.Auth;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.AgencyHead, password = $"guess-{i}" })).StatusCode);

        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = Demo.AgencyHead, password = "Demo@12345" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", await right.Content.ReadAsStringAsync());

        var admin = await _app.SignInAsync(Demo.Admin);
        var people = await admin.GetJsonAsync("/api/users");
        Assert.True(people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == Demo.AgencyHead).GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task The_browser_cookie_reads_the_API_but_cannot_fire_its_commands()
    {
        var browser = _app.CreateClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Demo.AgencyOfficer, password = "Demo@12345" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var id = (await browser.GetJsonAsync("/api/recommendations")).GetProperty("items")[0].GetProperty("id").GetString();

        var forged = await browser.PostAsJsonAsync($"/api/recommendations/{id}/actions/acknowledge", new { });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("issued", (await browser.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());
    }
}
