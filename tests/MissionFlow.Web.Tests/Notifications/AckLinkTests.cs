using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Tests.Notifications;

public sealed class AckLinkTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly MissionFlowApp _app = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A link as an email to the agency officer would carry it, for the first seeded recommendation.</summary>
    private async Task<(string Path, Guid Recommendation)> LinkAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var recommendation = await db.Recommendations.OrderBy(r => r.Number).FirstAsync();
        var officer = new Recipient(Demo.AgencyOfficer, "vi", "agency-officer", recommendation.AgencyId);
        var (url, _) = scope.ServiceProvider.GetRequiredService<AckLinkService>().Create(recommendation.Id, officer, _time.GetUtcNow());
        return (new Uri(url).PathAndQuery, recommendation.Id);
    }

    [Fact]
    public async Task The_link_asks_first_acknowledges_once_as_the_recipient_and_refuses_a_second_use()
    {
        var (path, id) = await LinkAsync();
        var browser = _host.CreateClient();

        var confirm = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<form method=\"post\">", await confirm.Content.ReadAsStringAsync());
        var committee = await SignInAsync(Demo.Committee);
        Assert.Equal("issued", (await committee.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());

        var done = await browser.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Đã ghi nhận", await done.Content.ReadAsStringAsync());
        Assert.Equal("acknowledged", (await committee.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());
        var journal = await committee.GetJsonAsync($"/api/recommendations/{id}/journal");
        var last = journal[journal.GetArrayLength() - 1];
        Assert.Equal(("acknowledge", Demo.AgencyOfficer), (last.GetProperty("trigger").GetString(), last.GetProperty("actor").GetString()));

        var again = await browser.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("đã được sử dụng", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_or_forged_link_acknowledges_nothing()
    {
        var (path, id) = await LinkAsync();
        _time.Advance(TimeSpan.FromDays(15));
        var browser = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Gone, (await browser.PostAsync(path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(path[..^4] + "AAAA", null)).StatusCode);
        var committee = await SignInAsync(Demo.Committee);
        Assert.Equal("issued", (await committee.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_link_whose_recipient_moved_to_another_agency_is_refused_and_shows_nothing_of_the_item()
    {
        var (path, id) = await LinkAsync();
        var admin = await SignInAsync(Demo.Admin);
        var other = await admin.PostAsJsonAsync("/api/agencies", new { code = "STP-TH", name = "Sở Tư pháp tỉnh Thanh Hóa", email = "stp@thanhhoa.example", headEmail = "giamdoc.stp@thanhhoa.example" })
            .OkJsonAsync(HttpStatusCode.Created);
        var officer = (await admin.GetJsonAsync("/api/users")).EnumerateArray().Single(p => p.GetProperty("email").GetString() == Demo.AgencyOfficer).GetProperty("id").GetString();
        await admin.PutAsJsonAsync($"/api/users/{officer}", new { role = "agency-officer", agencyId = other.GetProperty("id").GetString() }).OkJsonAsync();
        var browser = _host.CreateClient();

        var shown = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.DoesNotContain("<form", await shown.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<blockquote>", await shown.Content.ReadAsStringAsync());
        var used = await browser.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.Forbidden, used.StatusCode);
        Assert.Contains("không còn được tiếp nhận", await used.Content.ReadAsStringAsync());
        var committee = await SignInAsync(Demo.Committee);
        Assert.Equal("issued", (await committee.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_link_of_a_disabled_person_or_of_a_deactivated_agency_acknowledges_nothing()
    {
        var (path, id) = await LinkAsync();
        var admin = await SignInAsync(Demo.Admin);
        var people = await admin.GetJsonAsync("/api/users");
        var officer = people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == Demo.AgencyOfficer).GetProperty("id").GetString();
        var browser = _host.CreateClient();

        await admin.PostAsync($"/api/users/{officer}/disable", null).OkJsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync(path, null)).StatusCode);

        await admin.PostAsync($"/api/users/{officer}/enable", null).OkJsonAsync();
        var agency = await admin.GetJsonAsync($"/api/agencies/{people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == Demo.AgencyOfficer).GetProperty("agencyId").GetString()}");
        await admin.PutAsJsonAsync($"/api/agencies/{agency.GetProperty("id").GetString()}", new { name = agency.GetProperty("name").GetString(), email = agency.GetProperty("email").GetString(), headEmail = agency.GetProperty("headEmail").GetString(), parentCode = "UBND-TH", active = false })
            .OkJsonAsync();
        Assert.Equal(HttpStatusCode.Gone, (await browser.PostAsync(path, null)).StatusCode);

        var committee = await SignInAsync(Demo.Committee);
        Assert.Equal("issued", (await committee.GetJsonAsync($"/api/recommendations/{id}")).GetProperty("state").GetString());
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = _host.CreateClient();
        var login = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { email, password = "Demo@12345" }));
        var token = (await login.JsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
