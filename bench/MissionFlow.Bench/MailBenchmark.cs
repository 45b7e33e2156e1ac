using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Testing;

namespace MissionFlow.Bench;

/// <summary>
/// The <c>mail</c> command: the app's real delivery (<see cref="OutboxDelivery"/>: outbox rows on SQLite, one
/// MailKit connection per run of <c>--batch</c> recipients, each email marked sent as it goes) against the same
/// messages sent with one MailKit connection each (connect, send, disconnect), to an SMTP server listening on
/// loopback in this process. Rounds alternate the two sides; the median rates are reported.
/// </summary>
public static class MailBenchmark
{
    public const double RatioTarget = 5;
    private const int WarmupMessages = 60;
    private const string From = "MissionFlow <no-reply@hdnd.test>";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the command; 0 unless the server did not receive every message exactly once (a missed target still gives 0).</summary>
    public static async Task<int> RunAsync(MailOptions options, TextWriter o)
    {
        var progress = Console.Error;
        await using var smtp = new LoopbackSmtp(noDelay: !options.Nagle, keepMessages: false);
        await using var database = SweepDatabase.Create(DatabaseProvider.Sqlite, options.Keep);
        var clock = new BenchClock(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var notifications = new NotificationOptions
        {
            PublicBaseUrl = "https://hdnd.test",
            DeliveryBatchSize = options.Batch,
            Smtp = { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = From },
        };
        var timer = new CommandTimer();
        await using var services = database.Services(clock, notifications, timer.Interceptors);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Database.MigrateAsync();
        progress.WriteLine($"mail benchmark: SMTP server on 127.0.0.1:{smtp.Port}, outbox on {database.Description}");

        // Warm-up of both sides (JIT, pools), untimed.
        var warm = await QueueAsync(services, clock, "warmup", WarmupMessages);
        await DeliverAllAsync(services);
        var warmMessages = await MessagesAsync(services, notifications, clock, warm);
        await SendOverOneAsync(smtp.Port, warmMessages);
        await SendEachAsync(smtp.Port, warmMessages);

        var problems = new List<string>();
        var batchTotal = TimeSpan.Zero;
        var rounds = new List<(double Batch, double Transport, double Each, int BatchSessions)>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var ids = await QueueAsync(services, clock, $"r{round}", options.Messages);
            var expected = (await MessagesAsync(services, notifications, clock, ids)).Select(m => m.MessageId!).ToList();

            smtp.Reset();
            Settle();
            timer.Enabled = true;
            var watch = Stopwatch.StartNew();
            var (emails, runs) = await DeliverAllAsync(services);
            var batchTime = watch.Elapsed;
            timer.Enabled = false;
            batchTotal += batchTime;
            var batchSessions = smtp.Sessions;
            Verify(problems, $"round {round}, batch", smtp, expected, batchSessions, (options.Messages + options.Batch - 1) / options.Batch);
            if (emails != options.Messages)
                problems.Add($"round {round}: delivery reported {emails} emails in {runs} runs, not {options.Messages}");
            var sent = await CountSentAsync(services, ids);
            if (sent != options.Messages)
                problems.Add($"round {round}: {sent} outbox rows marked Sent, not {options.Messages}");

            // The same messages, built untimed from the same rows: first over one connection per batch with MailKit
            // alone (what connection reuse gives without the outbox's reads and writes), then the baseline, one
            // connection each.
            var messages = await MessagesAsync(services, notifications, clock, ids);
            smtp.Reset();
            Settle();
            watch.Restart();
            foreach (var chunk in messages.Chunk(options.Batch))
                await SendOverOneAsync(smtp.Port, chunk);
            var transportTime = watch.Elapsed;
            Verify(problems, $"round {round}, MailKit batch", smtp, expected, smtp.Sessions, (options.Messages + options.Batch - 1) / options.Batch);

            smtp.Reset();
            Settle();
            watch.Restart();
            await SendEachAsync(smtp.Port, messages);
            var eachTime = watch.Elapsed;
            Verify(problems, $"round {round}, per message", smtp, expected, smtp.Sessions, options.Messages);

            rounds.Add((options.Messages / batchTime.TotalSeconds, options.Messages / transportTime.TotalSeconds, options.Messages / eachTime.TotalSeconds, batchSessions));
            progress.WriteLine($"  round {round}: batch {BenchReport.Rate(rounds[^1].Batch)} /s, MailKit batch {BenchReport.Rate(rounds[^1].Transport)} /s, per message {BenchReport.Rate(rounds[^1].Each)} /s");
        }

        var batch = Median(rounds.Select(r => r.Batch));
        var transport = Median(rounds.Select(r => r.Transport));
        var each = Median(rounds.Select(r => r.Each));
        var ratio = batch / each;
        o.WriteLine($"email delivery to a loopback SMTP server (SmtpServer {typeof(SmtpServer.SmtpServer).Assembly.GetName().Version?.ToString(3)} in-process, 127.0.0.1, no TLS, no auth, " +
                    $"{(options.Nagle ? "Nagle on: the package's own listener" : "TCP_NODELAY on accepted sockets")}), {options.Messages} messages, median of {options.Rounds} rounds");
        o.WriteLine($"  batch (the app: OutboxDelivery.RunAsync, one connection per {options.Batch} recipients, rows read from and marked sent in SQLite, messages built): {BenchReport.Rate(batch),6} messages/s");
        o.WriteLine($"  MailKit alone, one connection per {options.Batch} prebuilt messages (connection reuse without the outbox):                              {BenchReport.Rate(transport),6} messages/s");
        o.WriteLine($"  baseline (the same prebuilt messages; MailKit connect, send, disconnect per message):                                              {BenchReport.Rate(each),6} messages/s");
        o.WriteLine($"  ratio batch/per-message: {ratio.ToString("0.0", Invariant)}x; MailKit alone batch/per-message {(transport / each).ToString("0.0", Invariant)}x   (per round, app/MailKit batch/per message: " +
                    string.Join("  ", rounds.Select(r => $"{BenchReport.Rate(r.Batch)}/{BenchReport.Rate(r.Transport)}/{BenchReport.Rate(r.Each)}")) + ")");
        var sql = timer.Total;
        o.WriteLine($"  where the app's batch time went (EF command interceptor, all rounds): SQL {(100 * sql / batchTotal).ToString("0", Invariant)}% " +
                    $"({(sql.TotalMilliseconds / (options.Messages * options.Rounds)).ToString("0.00", Invariant)} ms per email), the rest " +
                    $"{((batchTotal - sql).TotalMilliseconds / (options.Messages * options.Rounds)).ToString("0.00", Invariant)} ms (building the message, SMTP, EF)");
        foreach (var (text, (count, ticks)) in timer.ByText.OrderByDescending(kv => kv.Value.Ticks).Take(4))
            o.WriteLine($"    {Stopwatch.GetElapsedTime(0, ticks).TotalSeconds.ToString("0.000", Invariant),7} s {count,6} × {text}");
        o.WriteLine($"  {(ratio >= RatioTarget ? "PASS" : "FAIL")}  batch delivery >= {RatioTarget.ToString("0", Invariant)}x the one-connection-per-message rate");
        o.WriteLine($"  checks: {(problems.Count == 0 ? "OK" : "FAILED — " + string.Join("; ", problems))} — each round the server received each of the {options.Messages} Message-IDs exactly once per side, " +
                    $"over {rounds[0].BatchSessions} connections (batch, MailKit batch) and {options.Messages} (per message); every outbox row Sent");
        o.WriteLine($"  messages: one reminder per recipient (distinct addresses, so one row is one email), Vietnamese HTML + text, an .ics attachment; " +
                    $"about {(await SizeAsync(services, notifications, clock)).ToString("0.0", Invariant)} KB each");
        return problems.Count == 0 ? 0 : 1;
    }

    private static void Verify(List<string> problems, string side, LoopbackSmtp smtp, List<string> expected, int sessions, int expectedSessions)
    {
        var got = smtp.MessageIds.ToList();
        if (got.Count != expected.Count)
            problems.Add($"{side}: server received {got.Count} messages, not {expected.Count}");
        if (got.Distinct().Count() != got.Count)
            problems.Add($"{side}: a Message-ID arrived twice");
        if (!got.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            problems.Add($"{side}: the Message-IDs received are not the ones queued");
        if (sessions != expectedSessions)
            problems.Add($"{side}: {sessions} connections, expected {expectedSessions}");
    }

    /// <summary>Writes <paramref name="count"/> outbox rows, one per recipient, as a sweep would queue reminders; returns their ids.</summary>
    private static async Task<List<long>> QueueAsync(ServiceProvider services, BenchClock clock, string tag, int count)
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

    /// <summary>Delivery runs as the Hangfire job calls them, a scope each, until one sends nothing.</summary>
    private static async Task<(int Emails, int Runs)> DeliverAllAsync(ServiceProvider services)
    {
        int emails = 0, runs = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync();
            if (result.Emails == 0 && result.Retrying == 0)
                return (emails, runs);
            if (result.Retrying + result.Failed > 0)
                throw new InvalidOperationException($"Delivery did not send everything: {result}");
            emails += result.Emails;
            runs++;
        }
    }

    /// <summary>The messages the rows make, built by the app's OutgoingMail as delivery builds them.</summary>
    private static async Task<List<MimeMessage>> MessagesAsync(ServiceProvider services, NotificationOptions options, BenchClock clock, List<long> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var rows = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        var today = SweepDatabase.Clock.LocalDate(clock.GetUtcNow());
        return rows.Select(r => OutgoingMail.Build([r], options, today)).ToList();
    }

    private static async Task SendOverOneAsync(int port, IEnumerable<MimeMessage> messages)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        foreach (var message in messages)
            await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    private static async Task SendEachAsync(int port, List<MimeMessage> messages)
    {
        foreach (var message in messages)
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }
    }

    private static async Task<int> CountSentAsync(ServiceProvider services, List<long> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        return await db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sent);
    }

    private static async Task<double> SizeAsync(ServiceProvider services, NotificationOptions options, BenchClock clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var row = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        using var stream = new MemoryStream();
        await OutgoingMail.Build([row], options, SweepDatabase.Clock.LocalDate(clock.GetUtcNow())).WriteToAsync(stream);
        return stream.Length / 1024.0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
