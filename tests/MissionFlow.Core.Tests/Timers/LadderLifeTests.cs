using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Timers;
using static MissionFlow.Core.Tests.Timers.LadderDesk;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Timers;

/// <summary>
/// One overdue recommendation climbing its ladder of letters the Council Office records, on a fake clock against
/// a loopback SMTP server. Due Friday 11 December 2026; the first rung falls due on Wednesday 16 December.
/// </summary>
public sealed class LadderLifeTests
{
    [Theory]
    [MemberData(nameof(PostgresServer.Providers), MemberType = typeof(PostgresServer))]
    public async Task Recorded_letters_reach_the_agency_head_with_the_signed_file_and_each_next_rung_is_dated_from_the_recorded_one(string provider)
    {
        await using var world = await StartAsync(provider);
        var recommendation = (await world.IssueAsync("2026-12-11")).Single();
        await world.LiveUntilAsync(D("2026-12-17"), TimeSpan.FromDays(1));
        var headBefore = To(world, HeadMailbox).Count; // the reminders and the overdue notice

        // The Office signs the reminder letter on Thursday 17th and records it on Friday.
        await RecordAsync(world, "reminder-letter", "245/HĐND-VP", D("2026-12-17"));
        await world.DeliverAsync();

        var letter = Assert.Single(To(world, HeadMailbox).Skip(headBefore));
        Assert.Contains("245/HĐND-VP", letter.Subject);
        Assert.Contains("Quý cơ quan", letter.TextBody);
        var attached = Assert.Single(letter.Attachments.OfType<MimePart>());
        Assert.Equal(("cong-van.pdf", "application/pdf"), (attached.FileName, attached.ContentType.MimeType));
        using (var bytes = new MemoryStream())
        {
            await attached.Content!.DecodeToAsync(bytes);
            Assert.Equal(SignedPdf, bytes.ToArray());
        }

        // Ten working days after the letter's date (17 December), not after the deadline.
        var second = await TaskAsync(world, "second-reminder-letter");
        Assert.Equal((OfficeTaskState.Scheduled, D("2026-12-31"), 2), (second.State, second.DueDate, second.Level));
        await world.LiveUntilAsync(D("2026-12-30"), TimeSpan.FromDays(1));
        Assert.Equal(OfficeTaskState.Scheduled, (await TaskAsync(world, "second-reminder-letter")).State);
        await world.LiveUntilAsync(D("2026-12-31"), TimeSpan.FromDays(1));
        Assert.Equal(OfficeTaskState.Open, (await TaskAsync(world, "second-reminder-letter")).State);
        Assert.Single(To(world, HeadMailbox).Skip(headBefore)); // the agency hears nothing of a rung before its letter is recorded
        Assert.Contains(To(world, OfficeAccount), m => m.Subject == $"[{MissionCode}] Đến hạn Công văn đôn đốc lần 2: kiến nghị số 1");

        await RecordAsync(world, "second-reminder-letter", "260/HĐND-VP", D("2026-12-31"));
        var referral = await TaskAsync(world, "referral");
        Assert.Equal(D("2027-01-14"), referral.DueDate); // the test host counts weekdays only
        await world.LiveUntilAsync(D("2027-01-14"), TimeSpan.FromDays(1));
        var superiorBefore = To(world, SuperiorMailbox).Count;
        var headAfterSecond = To(world, HeadMailbox).Count;
        await RecordAsync(world, "referral", "12/HĐND-VP", D("2027-01-14"));
        await world.DeliverAsync();

        var toSuperior = Assert.Single(To(world, SuperiorMailbox).Skip(superiorBefore));
        Assert.Contains("12/HĐND-VP", toSuperior.Subject);
        Assert.Single(toSuperior.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "application/pdf");
        Assert.Equal(headAfterSecond, To(world, HeadMailbox).Count); // the referral goes to the superior body only

        var lines = await world.QueryAsync(db => db.Journal.Where(j => j.Trigger.StartsWith("ladder:")).OrderBy(j => j.Id).Select(j => j.Trigger).ToListAsync());
        Assert.Equal(["ladder:reminder-letter:opened", "ladder:reminder-letter:recorded", "ladder:second-reminder-letter:opened",
            "ladder:second-reminder-letter:recorded", "ladder:referral:opened", "ladder:referral:recorded"], lines);
        var recorded = await world.QueryAsync(db => db.Journal.SingleAsync(j => j.Trigger == "ladder:referral:recorded"));
        Assert.Contains("\"documentNumber\":\"12/HĐND-VP\"", recorded.InputJson.Replace("\\u0110", "Đ"));
        Assert.Equal(3, (await world.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == recommendation))).EscalationLevel);

        // The rest of the ladder, each rung recorded the day it falls due. The request for explanation is recorded as
        // a complex case, so the explanation session is due 30 calendar days after its date. Each recorded letter up to
        // the re-supervision reaches the agency head; the report to the Council writes to no one outside it.
        var headBeforeRest = To(world, HeadMailbox).Count;
        foreach (var (rung, due, number, complex) in new[]
        {
            ("explanation-request", "2027-01-28", "30/HĐND-VP", true),
            ("explanation-session", "2027-02-27", "41/HĐND-VP", false),
            ("interpellation", "2027-03-12", "52/HĐND-VP", false),
            ("re-supervision", "2027-03-26", "63/HĐND-VP", false),
            ("council-report", "2027-04-09", "74/BC-HĐND", false),
        })
        {
            Assert.Equal((OfficeTaskState.Scheduled, D(due)), ((await TaskAsync(world, rung)).State, (await TaskAsync(world, rung)).DueDate));
            await world.LiveUntilAsync(D(due), TimeSpan.FromDays(1));
            Assert.Equal(OfficeTaskState.Open, (await TaskAsync(world, rung)).State);
            await RecordAsync(world, rung, number, D(due), complex);
            await world.DeliverAsync();
        }

        Assert.Equal(["30/HĐND-VP", "41/HĐND-VP", "52/HĐND-VP", "63/HĐND-VP"],
            To(world, HeadMailbox).Skip(headBeforeRest).Select(m => System.Text.RegularExpressions.Regex.Match(m.Subject ?? "", @"số (\S+) ngày").Groups[1].Value));
        var rungs = await TasksAsync(world, recommendation);
        Assert.Equal(8, rungs.Count);
        Assert.All(rungs, t => Assert.Equal(OfficeTaskState.Done, t.State));
        Assert.Equal(8, (await world.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == recommendation))).EscalationLevel);
    }

    [Fact]
    public async Task A_skipped_rung_dates_the_next_from_the_skip_and_a_stopped_ladder_has_nothing_more_due()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-12-11");
        await world.LiveUntilAsync(D("2026-12-17"), TimeSpan.FromDays(1));

        await using (var scope = world.Host.Scope())
            await scope.ServiceProvider.GetRequiredService<OfficeLadder>().SkipAsync((await TaskAsync(world, "reminder-letter")).Id, "Cơ quan đã báo cáo bằng văn bản", CommitteeAccount);
        var second = await TaskAsync(world, "second-reminder-letter");
        Assert.Equal(D("2027-01-01"), second.DueDate); // ten working days from Friday 18th, the day it was skipped
        Assert.Equal(OfficeTaskState.Skipped, (await TaskAsync(world, "reminder-letter")).State);

        await using (var scope = world.Host.Scope())
            await scope.ServiceProvider.GetRequiredService<OfficeLadder>().StopAsync(second.Id, "Thường trực HĐND quyết định dừng đôn đốc", CommitteeAccount);
        await world.LiveUntilAsync(D("2027-02-26"), TimeSpan.FromDays(1));

        Assert.Equal(OfficeTaskState.Stopped, (await TaskAsync(world, "second-reminder-letter")).State);
        Assert.Equal(2, await world.QueryAsync(db => db.OfficeTasks.CountAsync()));
        Assert.DoesNotContain(To(world, OfficeAccount), m => m.Subject!.Contains("lần 2"));
        var lines = await world.QueryAsync(db => db.Journal.Where(j => j.Trigger.StartsWith("ladder:")).OrderBy(j => j.Id).Select(j => new { j.Trigger, j.InputJson }).ToListAsync());
        Assert.Equal(["ladder:reminder-letter:opened", "ladder:reminder-letter:skipped", "ladder:second-reminder-letter:stopped"], lines.Select(l => l.Trigger));
    }

    [Fact]
    public async Task A_letter_is_refused_without_its_number_date_signer_or_pdf_and_a_recorded_rung_cannot_be_recorded_twice()
    {
        await using var world = await StartAsync("sqlite");
        await world.IssueAsync("2026-12-11");
        await world.LiveUntilAsync(D("2026-12-17"), TimeSpan.FromDays(1));
        var task = await TaskAsync(world, "reminder-letter");
        var pdf = () => new FileUpload("cv.pdf", "application/pdf", new MemoryStream(SignedPdf));

        async Task<string?> Refused(RecordLetterRequest request)
        {
            await using var scope = world.Host.Scope();
            var error = await Assert.ThrowsAnyAsync<MissionFlowException>(() => scope.ServiceProvider.GetRequiredService<OfficeLadder>().RecordAsync(task.Id, request, OfficeAccount));
            return error is ConflictException ? "409" : error.Field;
        }

        Assert.Equal("documentNumber", await Refused(new(" ", D("2026-12-17"), "A", pdf())));
        Assert.Equal("documentDate", await Refused(new("245/HĐND-VP", null, "A", pdf())));
        Assert.Equal("documentDate", await Refused(new("245/HĐND-VP", world.Today.AddDays(1), "A", pdf())));
        Assert.Equal("signer", await Refused(new("245/HĐND-VP", D("2026-12-17"), "", pdf())));
        Assert.Equal("file", await Refused(new("245/HĐND-VP", D("2026-12-17"), "A", null)));
        Assert.Equal("file", await Refused(new("245/HĐND-VP", D("2026-12-17"), "A", new FileUpload("cv.docx", "application/octet-stream", new MemoryStream(SignedPdf)))));
        Assert.Equal("complex", await Refused(new("245/HĐND-VP", D("2026-12-17"), "A", pdf(), Complex: true)));
        Assert.Equal(OfficeTaskState.Open, (await TaskAsync(world, "reminder-letter")).State);
        Assert.Equal(0, await world.QueryAsync(db => db.Files.CountAsync()));

        await RecordAsync(world, "reminder-letter", "245/HĐND-VP", D("2026-12-17"));
        Assert.Equal("409", await Refused(new("246/HĐND-VP", D("2026-12-17"), "A", pdf())));
    }
}
