using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
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
        OutboxMessage letter;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The demo's recorded reminder letter waits in the outbox already: it goes out beside the digests.
            letter = Assert.Single(await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Outbox.AsNoTracking().ToListAsync());
            Assert.Equal("ladder-letter", letter.Kind);
            // The reference mission's recommendations are long overdue: the weekly digest has plenty to say.
            var jobs = scope.ServiceProvider.GetRequiredService<ReminderJobs>();
            await jobs.QueueWeeklyDigestAsync(CancellationToken.None);
            await jobs.DeliverAsync(CancellationToken.None);
        }

        var files = Directory.GetFiles(Path.Combine(_app.DataDirectory, "mail"), "*.eml");
        var delivered = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(Demo.AgencyHead, Assert.Single(delivered, m => m.MessageId == letter.MessageId).To.ToString());
        var messages = delivered.Where(m => m.MessageId != letter.MessageId).ToList();
        Assert.Equal(["socongthuong@missionflow.local", "thuongtruc@missionflow.local"], messages.Select(m => m.To.ToString()).Order());
        Assert.All(messages, m => Assert.StartsWith("[MissionFlow] Tổng hợp kiến nghị tuần", m.Subject));
        Assert.Contains("Kiến nghị quá hạn", messages[0].TextBody);

        var admin = await _app.SignInAsync(Demo.Admin);
        var outbox = await admin.GetJsonAsync("/api/mail");
        Assert.Equal(3, outbox.GetProperty("total").GetInt32());
        Assert.All(outbox.GetProperty("items").EnumerateArray(), m => Assert.Equal("sent", m.GetProperty("status").GetString()));
        Assert.All(outbox.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("id").GetInt64() != letter.Id), m =>
        {
            Assert.Equal("weekly-digest", m.GetProperty("kind").GetString());
            Assert.Equal(1, m.GetProperty("attempts").GetInt32());
        });

        var officer = await _app.SignInAsync(Demo.AgencyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/mail")).StatusCode);
    }

    [Fact]
    public async Task The_outbox_is_paged_newest_first_with_its_count_and_the_status_filter_holds_on_every_page()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The demo's recorded reminder letter waits queued; beside it, three weeks of digests to two people, the
            // first two weeks' sent: 7 rows, 4 sent, 3 queued.
            var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
            Assert.Equal(OutboxStatus.Queued, Assert.Single(await db.Outbox.ToListAsync()).Status);
            for (var week = 0; week < 3; week++)
            {
                db.Outbox.AddRange(Enumerable.Range(0, 2).Select(i => new OutboxMessage
                {
                    DedupeKey = $"paging-{week}-{i}", MessageId = $"<paging-{week}-{i}@missionflow.test>", To = $"nguoi{i}@missionflow.local",
                    Subject = $"Tuần {week} — {i}", TextBody = "Tổng hợp", HtmlBody = "<p>Tổng hợp</p>", Kind = "weekly-digest", CreatedAt = DateTimeOffset.UtcNow,
                    Status = week < 2 ? OutboxStatus.Sent : OutboxStatus.Queued,
                }));
                await db.SaveChangesAsync();
            }
        }
        var admin = await _app.SignInAsync(Demo.Admin);

        var first = await admin.GetJsonAsync("/api/mail?pageSize=4");
        var second = await admin.GetJsonAsync("/api/mail?pageSize=4&page=2");
        Assert.Equal(7, first.GetProperty("total").GetInt32());
        Assert.Equal(7, second.GetProperty("total").GetInt32());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(7, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);

        var sentSecond = await admin.GetJsonAsync("/api/mail?status=sent&pageSize=3&page=2");
        Assert.Equal(4, sentSecond.GetProperty("total").GetInt32());
        Assert.Equal(1, sentSecond.GetProperty("items").GetArrayLength());
        Assert.Equal("sent", sentSecond.GetProperty("items")[0].GetProperty("status").GetString());

        var bad = await admin.GetAsync("/api/mail?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", (await bad.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
