using System.Net;
using System.Net.Http.Json;

namespace MissionFlow.Web.Tests.Jobs;

public sealed class DashboardTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(Demo.AgencyOfficer)]
    [InlineData(Demo.AgencyHead)]
    [InlineData(Demo.Committee)]
    public async Task The_dashboard_is_forbidden_to_everyone_but_admins_with_a_token(string email)
    {
        var client = await _app.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire/recurring")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_is_forbidden_to_an_agency_account_signed_in_with_the_cookie()
    {
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Demo.AgencyOfficer, password = "Demo@12345" });
        login.EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task An_admin_sees_the_recurring_jobs_and_nobody_signed_in_is_let_in(string provider)
    {
        await using var postgres = provider == "sqlite" ? null : new MissionFlowApp(provider);
        var app = postgres ?? _app;
        var admin = await app.SignInAsync(Demo.Admin);
        var page = await admin.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("timer-sweep", html);
        Assert.Contains("outbox-delivery", html);
        Assert.Contains("weekly-digest", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/hangfire")).StatusCode);
    }
}
