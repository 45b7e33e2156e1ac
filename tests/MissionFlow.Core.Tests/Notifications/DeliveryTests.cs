using Microsoft.EntityFrameworkCore;
using MimeKit;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Tests.Timers;
using SmtpServer.Protocol;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Notifications;

public sealed class DeliveryTests
{
    [Fact]
    public async Task A_server_that_refuses_for_a_while_loses_nothing_and_gets_each_email_once()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-11-04", "2026-11-05");
        await world.SweepAsync();
        world.Smtp.RefuseWith = (SmtpReplyCode)451;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await world.DeliverAsync();
            world.Host.Time.Advance(OutboxDelivery.Wait(attempt));
        }
        var waiting = await world.QueryAsync(db => db.Outbox.ToListAsync());
        Assert.All(waiting, m => Assert.Equal((OutboxStatus.Queued, 4), (m.Status, m.Attempts)));
        Assert.All(waiting, m => Assert.StartsWith("451", m.LastError));
        Assert.Empty(world.Smtp.Received);

        world.Smtp.RefuseWith = null;
        await world.DeliverAsync();
        await world.DeliverAsync();

        Assert.Equal([AgencyMailbox, OfficerAccount, HeadMailbox], world.Inbox.Select(m => m.Message.To.ToString()));
        Assert.All(await world.QueryAsync(db => db.Outbox.ToListAsync()), m => Assert.Equal((OutboxStatus.Sent, 5), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task One_connection_carries_a_whole_batch()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-11-04");
        await world.SweepAsync();

        var result = await world.DeliverAsync();

        Assert.Equal(3, result.Emails);
        Assert.Equal(1, world.Smtp.Sessions);
    }

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Sent_rows_record_the_attempt_and_the_time_as_EF_writes_them_so_queries_on_them_work(string provider)
    {
        await using var world = await StartAsync(provider);
        await world.IssueAsync("2026-11-04", "2026-11-05"); // each of the three people gets both notices in one email
        await world.SweepAsync();
        var now = world.Host.Time.GetUtcNow();

        var result = await world.DeliverAsync();

        Assert.Equal((3, 6), (result.Emails, result.Sent));
        var rows = await world.QueryAsync(db => db.Outbox.ToListAsync());
        Assert.Equal(6, rows.Count);
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1, now, null), (m.Status, m.Attempts, m.SentAt, m.LastError)));
        Assert.Equal(6, await world.QueryAsync(db => db.Outbox.CountAsync(m => m.SentAt == now && m.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task An_address_the_server_refuses_for_good_is_failed_with_its_answer_and_the_others_go()
    {
        await using var world = await StartAsync("sqlite");
        var id = (await world.IssueAsync("2026-11-04")).Single();
        await world.QueryAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == "SCT");
            agency.HeadEmail = $"giamdoc@{LoopbackSmtp.UnknownDomain}";
            return await db.SaveChangesAsync();
        });
        await world.SweepAsync();

        var result = await world.DeliverAsync();

        Assert.Equal((2, 0, 1), (result.Sent, result.Retrying, result.Failed));
        var failed = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.Status == OutboxStatus.Failed));
        Assert.Equal($"giamdoc@{LoopbackSmtp.UnknownDomain}", failed.To);
        Assert.StartsWith("550", failed.LastError);
        Assert.Equal(id, failed.RecommendationId);
    }

    [Fact]
    public async Task A_malformed_address_fails_its_own_email_and_not_the_one_sent_while_it_was_written()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-11-04");
        await world.QueryAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == "SCT");
            agency.HeadEmail = "giamdoc@@sct.test"; // the head's email comes last, written while the officer's is sent
            return await db.SaveChangesAsync();
        });
        await world.SweepAsync();

        var result = await world.DeliverAsync();

        Assert.Equal((2, 0, 1), (result.Sent, result.Retrying, result.Failed));
        Assert.Equal([AgencyMailbox, OfficerAccount], world.Inbox.Select(m => m.Message.To.ToString()));
        var failed = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.Status == OutboxStatus.Failed));
        Assert.Equal("giamdoc@@sct.test", failed.To);
        Assert.StartsWith("bad address: ", failed.LastError);
    }

    [Fact]
    public async Task What_one_person_hears_on_one_day_is_one_email_and_above_the_cap_a_digest()
    {
        await using var world = await StartAsync("sqlite", o => o.DigestCap = 3);
        await world.IssueAsync("2026-11-04", "2026-11-04", "2026-11-05");
        await world.IssueAsync("2026-11-04");
        await world.SweepAsync();

        await world.DeliverAsync();

        var mailbox = world.Inbox.Where(m => m.Message.To.ToString() == AgencyMailbox).Select(m => m.Message).ToList();
        var digest = Assert.Single(mailbox);
        Assert.Equal("[MissionFlow] Tổng hợp 4 thông báo ngày 02/11/2026", digest.Subject);
        Assert.Contains($"[{MissionCode}-2] Nhắc hạn kiến nghị số 1: hạn 04/11/2026", digest.TextBody);
        Assert.Empty(digest.Attachments);
    }

    [Fact]
    public async Task Without_an_SMTP_host_each_email_is_an_eml_file_in_the_pickup_folder()
    {
        await using var world = await StartAsync("sqlite", o => o.Smtp.Host = null);
        await world.IssueAsync("2026-11-04", "2026-11-05");
        await world.SweepAsync();

        await world.DeliverAsync();
        await world.DeliverAsync();

        var files = Directory.GetFiles(world.Options.PickupDirectory, "*.eml");
        Assert.Equal(3, files.Length);
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        var mailbox = messages.Single(m => m.To.ToString() == AgencyMailbox);
        Assert.Equal("[MissionFlow] 2 thông báo ngày 02/11/2026", mailbox.Subject);
        Assert.Equal(2, mailbox.Attachments.Count());
        Assert.Contains("https://hdnd.test/ack/", mailbox.TextBody);
        Assert.Empty(world.Smtp.Received);
    }

    [Fact]
    public async Task The_weekly_digest_tells_the_committee_and_the_agency_what_is_overdue_and_due_soon_once_a_week()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-11-04", "2026-11-13", "2027-03-01");
        world.Host.Time.Advance(TimeSpan.FromDays(7)); // Monday 9 November: the first is overdue, the second due Friday

        async Task<int> QueueAsync()
        {
            await using var scope = world.Host.Scope();
            return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<WeeklyDigest>(scope.ServiceProvider).QueueAsync();
        }
        Assert.Equal(2, await QueueAsync());
        Assert.Equal(0, await QueueAsync());

        var digests = await world.QueryAsync(db => db.Outbox.Where(m => m.Kind == WeeklyDigest.Kind).OrderBy(m => m.To).ToListAsync());
        Assert.Equal([CommitteeAccount, AgencyMailbox], digests.Select(d => d.To).OrderByDescending(t => t.StartsWith("thuong", StringComparison.Ordinal)));
        var agency = digests.Single(d => d.To == AgencyMailbox);
        Assert.Equal("[MissionFlow] Tổng hợp kiến nghị tuần 2026-W46", agency.Subject);
        Assert.Contains($"Kiến nghị quá hạn\n- [{MissionCode}] Kiến nghị số 1, hạn 04/11/2026", agency.TextBody);
        Assert.Contains($"- [{MissionCode}] Kiến nghị số 2, hạn 13/11/2026", agency.TextBody);
        Assert.DoesNotContain("số 3", agency.TextBody);
    }

    [Fact]
    public async Task The_weekly_digest_names_an_open_rung_as_its_ladder_does_never_by_its_id()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-11-04");
        await world.LiveUntilAsync(world.Today.AddDays(8)); // 3 working days overdue: the reminder letter is the Office's to issue

        await using (var scope = world.Host.Scope())
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WeeklyDigest>(scope.ServiceProvider).QueueAsync();

        var committee = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.Kind == WeeklyDigest.Kind && m.To == CommitteeAccount));
        Assert.Contains($"- [{MissionCode}] Kiến nghị số 1: Công văn đôn đốc (mở ngày", committee.TextBody); // the v3 ladder's name for its first rung
        Assert.DoesNotContain("reminder-letter", committee.TextBody);
    }
}
