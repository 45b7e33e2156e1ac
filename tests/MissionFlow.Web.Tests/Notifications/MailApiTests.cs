using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Web.Jobs;

namespace MissionFlow.Web.Tests.Notifications;

public sealed class MailApiTests : IAsyncLifetime
{
    private readonly MissionFlowApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task On_the_embedded_default_mail_lands_as_eml_files_and_the_admin_sees_the_outbox()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The reference mission's recommendations are long overdue: the weekly digest has plenty to say.
            var jobs = scope.ServiceProvider.GetRequiredService<ReminderJobs>();
            await jobs.QueueWeeklyDigestAsync(CancellationToken.None);
            await jobs.DeliverAsync(CancellationToken.None);
        }

        var files = Directory.GetFiles(Path.Combine(_app.DataDirectory, "mail"), "*.eml");
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(["socongthuong@missionflow.local", "thuongtruc@missionflow.local"], messages.Select(m => m.To.ToString()).Order());
        Assert.All(messages, m => Assert.StartsWith("[MissionFlow] Tổng hợp kiến nghị tuần", m.Subject));
        Assert.Contains("Kiến nghị quá hạn", messages[0].TextBody);

        var admin = await _app.SignInAsync(Demo.Admin);
        var outbox = await admin.GetJsonAsync("/api/mail");
        Assert.Equal(2, outbox.GetArrayLength());
        Assert.All(outbox.EnumerateArray(), m =>
        {
            Assert.Equal("sent", m.GetProperty("status").GetString());
            Assert.Equal("weekly-digest", m.GetProperty("kind").GetString());
            Assert.Equal(1, m.GetProperty("attempts").GetInt32());
        });

        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/mail")).StatusCode);
    }
}
