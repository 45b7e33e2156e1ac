using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Workflows;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Timers;

/// <summary>Weeks of one recommendation's follow-up, lived on a fake clock against a loopback SMTP server.</summary>
public sealed class RecommendationLifeTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static List<string> Log(ReminderWorld world) =>
        world.Inbox.Select(m => $"{m.Day:yyyy-MM-dd} {m.Message.To.Mailboxes.Single().Address} {m.Message.Subject}").ToList();

    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Sixty_days_of_an_unanswered_recommendation_send_exactly_the_reminders_then_remind_the_office_of_the_ladder(string provider)
    {
        await using var world = await StartAsync(provider);
        // Issued Monday 2 November, due Friday 11 December; nobody at the agency answers, the Office records nothing.
        var recommendation = (await world.IssueAsync("2026-12-11")).Single();

        await world.LiveUntilAsync(world.Today.AddDays(60));

        const string vi = $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 11/12/2026";
        const string en = $"[{MissionCode}] Reminder: recommendation 1 due 11/12/2026";
        const string overdueVi = $"[{MissionCode}] Kiến nghị số 1 đã quá hạn (11/12/2026)";
        Assert.Equal(
        [
            $"2026-11-20 {AgencyMailbox} {vi}",                 // 15 working days before
            $"2026-11-20 {OfficerAccount} {en}",
            $"2026-12-02 {AgencyMailbox} {vi}",                 // 7
            $"2026-12-02 {OfficerAccount} {en}",
            $"2026-12-08 {AgencyMailbox} {vi}",                 // 3, now to the head too
            $"2026-12-08 {OfficerAccount} {en}",
            $"2026-12-08 {HeadMailbox} {vi}",
            $"2026-12-12 {AgencyMailbox} {overdueVi}",          // the day after the deadline
            $"2026-12-12 {OfficerAccount} [{MissionCode}] Recommendation 1 is overdue (11/12/2026)",
            $"2026-12-12 {HeadMailbox} {overdueVi}",
            $"2026-12-12 {Secretary} {overdueVi}",
            $"2026-12-16 {OfficeAccount} [{MissionCode}] Đến hạn Công văn đôn đốc: kiến nghị số 1",        // +3 working days: the Office, not the agency
            $"2026-12-23 {OfficeAccount} [{MissionCode}] Chưa ghi nhận Công văn đôn đốc: kiến nghị số 1", // still open 5 working days later: once more
        ], Log(world)); // no letter recorded, so no letter sent and no later rung due

        var (level, tasks, timerLines) = await world.QueryAsync(async db =>
        {
            var r = await db.Recommendations.SingleAsync(x => x.Id == recommendation);
            var journal = await db.Journal.Where(j => j.InstanceId == r.InstanceId && j.Actor == "system").OrderBy(j => j.Id).Select(j => j.Trigger).ToListAsync();
            return (r.EscalationLevel, await db.OfficeTasks.OrderBy(t => t.Level).Select(t => new { t.Kind, t.State, t.DueDate }).ToListAsync(), journal);
        });
        Assert.Equal(1, level);
        Assert.Equal([new { Kind = "reminder-letter", State = Core.Timers.OfficeTaskState.Open, DueDate = (DateOnly?)D("2026-12-16") }], tasks);
        Assert.Equal(["timer:reminder-15wd", "timer:reminder-7wd", "timer:reminder-3wd", "timer:overdue", "timer:ladder-start", "ladder:reminder-letter:opened"], timerLines);

        var first = world.Inbox[0].Message;
        Assert.NotNull(first.HtmlBody);
        Assert.Contains("Đề nghị Quý cơ quan báo cáo kết quả thực hiện", first.TextBody!);
        var invite = Assert.Single(first.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var ics = new MemoryStream();
        await invite.Content!.DecodeToAsync(ics);
        Assert.Contains("DTSTART;VALUE=DATE:20261211", System.Text.Encoding.UTF8.GetString(ics.ToArray()));
        // The agency's people may acknowledge in one click while the item waits for it; the Council Office may not.
        Assert.Contains("https://hdnd.test/ack/", first.TextBody!);
        Assert.DoesNotContain("/ack/", world.Inbox.Single(m => m.Message.To.ToString() == Secretary && m.Message.Subject!.Contains("quá hạn")).Message.TextBody!);
    }

    [Fact]
    public async Task An_extension_moves_the_later_reminders_to_the_new_deadline()
    {
        await using var world = await StartAsync("sqlite");
        var recommendation = (await world.IssueAsync("2026-12-11")).Single();
        await world.LiveUntilAsync(D("2026-11-24"));
        await world.FireAsync(recommendation, "acknowledge", world.Officer);
        await world.FireAsync(recommendation, "request-extension", world.Officer, new() { ["newDeadline"] = "2026-12-31", ["reason"] = "Chờ ý kiến của Bộ" });
        await world.FireAsync(recommendation, "grant-extension", world.Committee);

        await world.LiveUntilAsync(D("2026-12-31"));

        var reminders = world.Inbox.Where(m => m.Message.To.ToString() == AgencyMailbox).Select(m => (m.Day, m.Message.Subject)).ToList();
        Assert.Equal(
        [
            (D("2026-11-20"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 11/12/2026"),
            (D("2026-12-10"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 31/12/2026"), // 15 working days before the new date
            (D("2026-12-22"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 31/12/2026"),
            (D("2026-12-28"), $"[{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 31/12/2026"),
        ], reminders);
        Assert.DoesNotContain(world.Inbox, m => m.Message.Subject!.Contains("quá hạn") || m.Message.Subject.Contains("overdue"));
    }

    [Fact]
    public async Task A_deadline_set_two_working_days_away_sends_one_reminder_at_once_not_three_stale_ones()
    {
        await using var world = await StartAsync("sqlite");
        // Monday 2 November, due Wednesday 4th: the 15-, 7- and 3-day reminders are all already past.
        var recommendation = (await world.IssueAsync("2026-11-04")).Single();

        await world.SweepAsync();
        await world.DeliverAsync();
        await world.FireAsync(recommendation, "acknowledge", world.Officer);
        await world.LiveUntilAsync(D("2026-11-04"));

        Assert.Equal([$"2026-11-02 {AgencyMailbox} [{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 04/11/2026",
                      $"2026-11-02 {OfficerAccount} [{MissionCode}] Reminder: recommendation 1 due 04/11/2026",
                      $"2026-11-02 {HeadMailbox} [{MissionCode}] Nhắc hạn kiến nghị số 1: hạn 04/11/2026"], Log(world));
        var statuses = await world.QueryAsync(db => db.Timers.Where(t => t.TimerId.StartsWith("reminder")).OrderBy(t => t.DueAt).Select(t => t.Status).ToListAsync());
        Assert.Equal([TimerStatus.Skipped, TimerStatus.Skipped, TimerStatus.Fired], statuses);
    }
}
