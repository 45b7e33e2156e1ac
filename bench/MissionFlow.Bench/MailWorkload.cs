using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Bench;

/// <summary>
/// What the <c>mail</c> command sends: reminders queued as outbox rows, one per recipient (distinct addresses, so
/// a row is an email), and the messages the app's <see cref="OutgoingMail"/> makes of them.
/// </summary>
public static class MailWorkload
{
    public const string From = "MissionFlow <no-reply@hdnd.test>";

    /// <summary>Writes <paramref name="count"/> outbox rows, one per recipient, as a sweep would queue reminders; returns their ids.</summary>
    public static async Task<List<long>> QueueAsync(ServiceProvider services, BenchClock clock, string tag, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var now = clock.GetUtcNow();
        var rows = Enumerable.Range(1, count).Select(i => Reminder(tag, i, now)).ToList();
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private static OutboxMessage Reminder(string tag, int i, DateTimeOffset now)
    {
        var code = $"GS-BENCH-{i % 97 + 1:D5}";
        var number = i % 20 + 1;
        var subject = $"[{code}] Nhắc hạn kiến nghị số {number}: hạn 16/11/2026";
        var text = $"""
            Kính gửi Sở số {i % 40 + 1},

            Kiến nghị số {number} của Đoàn giám sát {code} ("Rút ngắn thời gian giải quyết thủ tục hành chính, công khai kết quả.")
            có thời hạn thực hiện đến ngày 16/11/2026, còn 10 ngày làm việc.

            Đề nghị quý cơ quan báo cáo kết quả thực hiện trước thời hạn. Xác nhận đã nhận kiến nghị:
            https://hdnd.test/ack/CfDJ8{Guid.NewGuid():N}{Guid.NewGuid():N}

            Trân trọng,
            Thường trực Hội đồng nhân dân tỉnh

            -- 
            Thư này được gửi tự động từ MissionFlow; vui lòng không trả lời.
            """;
        var html = "<p>" + string.Join("</p>\n<p>", text.Split("\n\n").Select(p => System.Net.WebUtility.HtmlEncode(p).Replace("\n", "<br>\n"))) + "</p>\n";
        var calendar = $"""
            BEGIN:VCALENDAR
            PRODID:-//MissionFlow//Reminders//VI
            VERSION:2.0
            METHOD:PUBLISH
            BEGIN:VEVENT
            UID:{Guid.NewGuid():N}@missionflow.local
            DTSTAMP:20261102T010000Z
            DTSTART;VALUE=DATE:20261116
            DTEND;VALUE=DATE:20261117
            SUMMARY:Hạn kiến nghị số {number} ({code})
            DESCRIPTION:Rút ngắn thời gian giải quyết thủ tục hành chính\, công khai kết quả.
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n");
        return new OutboxMessage
        {
            DedupeKey = $"bench|{tag}|{i}",
            MessageId = OutboxIds.NewMessageId(From),
            To = $"nguoinhan{i:D5}.{tag}@s{i % 40 + 1:D2}.test",
            Subject = subject,
            TextBody = text,
            HtmlBody = html,
            Kind = "reminder",
            Calendar = calendar,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>The messages the rows make, built by the app's OutgoingMail as delivery builds them.</summary>
    public static async Task<List<MimeMessage>> MessagesAsync(ServiceProvider services, NotificationOptions options, BenchClock clock, List<long> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var rows = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        var today = SweepDatabase.Clock.LocalDate(clock.GetUtcNow());
        return rows.Select(r => OutgoingMail.Build([r], options, today)).ToList();
    }

    public static async Task<int> CountSentAsync(ServiceProvider services, List<long> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        return await db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sent);
    }

    public static async Task<double> SizeAsync(ServiceProvider services, NotificationOptions options, BenchClock clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var row = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        using var stream = new MemoryStream();
        await OutgoingMail.Build([row], options, SweepDatabase.Clock.LocalDate(clock.GetUtcNow())).WriteToAsync(stream);
        return stream.Length / 1024.0;
    }
}
