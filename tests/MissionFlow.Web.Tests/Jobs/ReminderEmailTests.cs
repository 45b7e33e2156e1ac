using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Web.Jobs;

namespace MissionFlow.Web.Tests.Jobs;

/// <summary>Hangfire's configuration is global to a process: the tests that run its server run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireServerCollection
{
    public const string Name = "Hangfire server";
}

[Collection(HangfireServerCollection.Name)]
public sealed class ReminderEmailTests
{
    /// <summary>On PostgreSQL, Hangfire keeps its jobs in MissionFlow's database (Hangfire.PostgreSql).</summary>
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task A_deadline_two_working_days_away_brings_a_Vietnamese_reminder_eml_with_its_invite_and_a_working_link(string provider)
    {
        await using var app = new MissionFlowApp(provider) { JobsServer = true };
        var committee = await app.SignInAsync(Demo.Committee);
        var clock = app.Services.GetRequiredService<CouncilClock>();
        var deadline = clock.Calendar.Add(clock.LocalDate(DateTimeOffset.UtcNow), DayOffset.Parse("+2wd"));
        // The demo's current mission has notices already due to this officer (its overdue items): a running demo's
        // job sent them long ago. Sent first here, they leave the reminder below as the officer's only news, which
        // then goes as an email of its own rather than within a day's bundle.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReminderJobs>().SweepAndDeliverAsync(CancellationToken.None);
        var recommendation = await IssueAsync(committee, deadline);

        // What the recurring job does each minute, started now rather than at the next minute.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderJobs.Sweep);
        var reminder = await WaitForEmailAsync(app, m => m.To.ToString() == Demo.AgencyOfficer && m.Subject!.StartsWith("[GS-HANGFIRE]", StringComparison.Ordinal));

        Assert.Equal($"[GS-HANGFIRE] Nhắc hạn kiến nghị số 1: hạn {deadline:dd/MM/yyyy}", reminder.Subject);
        var invite = Assert.Single(reminder.Attachments.OfType<MimePart>());
        using (var ics = new MemoryStream())
        {
            await invite.Content!.DecodeToAsync(ics);
            Assert.Contains($"DTSTART;VALUE=DATE:{deadline:yyyyMMdd}", System.Text.Encoding.UTF8.GetString(ics.ToArray()));
        }
        var link = reminder.TextBody!.Split('\n').Single(l => l.StartsWith("http://localhost:5000/ack/", StringComparison.Ordinal));
        var browser = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(new Uri(link).PathAndQuery, null)).StatusCode);
        Assert.Equal("acknowledged", (await committee.GetJsonAsync($"/api/recommendations/{recommendation}")).GetProperty("state").GetString());
    }

    private static async Task<MimeMessage> WaitForEmailAsync(MissionFlowApp app, Func<MimeMessage, bool> wanted)
    {
        var folder = Path.Combine(app.DataDirectory, "mail");
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(250))
        {
            var found = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).FirstOrDefault(wanted)
                : null;
            if (found is not null)
                return found;
            await Task.Delay(250);
        }
        throw new TimeoutException("No such email reached the pickup folder within a minute.");
    }

    /// <summary>A mission through the HTTP API, as a committee would enter it, with one recommendation to Sở Công Thương.</summary>
    internal static async Task<string> IssueAsync(HttpClient committee, DateOnly deadline, string code = "GS-HANGFIRE")
    {
        var agency = (await committee.GetJsonAsync("/api/agencies")).EnumerateArray()
            .Single(a => a.GetProperty("code").GetString() == "SCT-TH").GetProperty("id").GetString();
        var created = await Send(committee, HttpMethod.Post, "/api/missions", new
        {
            code, title = "Giám sát thử nhắc hạn", topic = "Nhắc hạn", periodFrom = "2025-01-01", periodTo = "2025-12-31",
            legalBasis = "Luật 87/2015/QH13", agencyIds = new[] { agency }, delegation = Array.Empty<object>(),
        });
        var id = created.GetProperty("id").GetString();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Send(committee, HttpMethod.Post, $"/api/missions/{id}/actions/approve-plan", new { });
        await Send(committee, HttpMethod.Post, $"/api/missions/{id}/actions/request-report", new { });
        await Send(committee, HttpMethod.Post, $"/api/missions/{id}/onsite-sessions", new { date = today, place = "Sở Công Thương", attendees = new[] { "Đoàn giám sát" }, minutes = "Biên bản" });
        await Send(committee, HttpMethod.Post, $"/api/missions/{id}/actions/hold-onsite", new { });
        await Send(committee, HttpMethod.Post, $"/api/missions/{id}/actions/draft-conclusion", new { });
        await Send(committee, HttpMethod.Put, $"/api/missions/{id}/conclusion", new
        {
            date = today, signer = "Chủ tịch HĐND", achievements = "Đạt", shortcomings = new[] { "Chậm" },
            recommendations = new[] { new { agencyId = agency, text = "Công khai thủ tục hành chính.", deadline = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), deadlineBasis = "calendar", priority = "normal" } },
        });
        var issued = await Send(committee, HttpMethod.Post, $"/api/missions/{id}/actions/issue-conclusion", new { });
        return issued.GetProperty("recommendations")[0].GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string url, object body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }
}
