using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Telemetry;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Core.Notifications;

/// <summary>What one delivery run did: emails handed over, rows sent, rows to retry, rows given up.</summary>
public sealed record DeliveryResult(int Emails, int Sent, int Retrying, int Failed);

/// <summary>
/// Sends the outbox: what is queued for one person goes as one email, a batch of people over one connection.
/// A transient failure (4xx, no connection) waits longer each time; a permanent one (5xx, a bad address) is
/// recorded as failed with the server's answer. Each email's rows are saved as sent right after it is handed
/// over (<see cref="SentMark"/>), so a crash resends at most the one email in flight, with its Message-ID unchanged.
/// </summary>
public sealed class OutboxDelivery(MissionFlowDbContext db, NotificationOptions options, CouncilClock clock, TimeProvider time, MissionFlowMetrics metrics,
    FileStore files, ILogger<OutboxDelivery> log)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    public async Task<DeliveryResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var ready = db.Outbox.Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now);
        var people = await ready
            .GroupBy(m => m.To)
            .Select(g => new { To = g.Key, First = g.Min(m => m.Id) })
            .OrderBy(g => g.First)
            .Take(options.DeliveryBatchSize)
            .Select(g => g.To)
            .ToListAsync(ct);
        if (people.Count == 0)
            return new DeliveryResult(0, 0, 0, 0);
        var groups = (await ready.AsNoTracking().Where(m => people.Contains(m.To)).OrderBy(m => m.Id).ToListAsync(ct))
            .GroupBy(m => m.To)
            // An official letter goes as its own email, its number in the subject and its signed file attached.
            .SelectMany(g => g.Where(m => m.AttachmentFileId is not null).Select(m => new List<OutboxMessage> { m })
                .Prepend(g.Where(m => m.AttachmentFileId is null).ToList()))
            .Where(g => g.Count > 0)
            .ToList();

        IMailSession session;
        try
        {
            session = await OpenAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "No mail session: {Count} emails wait for the next run", groups.Count);
            foreach (var rows in groups)
                Retry(rows, $"connect: {e.Message}", now);
            await db.SaveChangesAsync(ct);
            return Tally(groups, emails: 0);
        }
        await using (session)
        {
            // The per-email writes share one database connection: EF would otherwise open and close it around each.
            await using var _ = await HeldConnection.OpenAsync(db, ct);
            return Tally(groups, await SendAsync(session, groups, now, ct));
        }
    }

    /// <summary>Sends each group as one email and records its outcome before the next; returns the emails handed over.</summary>
    private async Task<int> SendAsync(IMailSession session, List<List<OutboxMessage>> groups, DateTimeOffset now, CancellationToken ct)
    {
        var sent = new SentMark(db);
        var today = clock.LocalDate(now);
        var attachmentIds = groups.SelectMany(g => g).Where(m => m.AttachmentFileId is not null).Select(m => m.AttachmentFileId!.Value).ToList();
        var attachments = attachmentIds.Count == 0 ? [] : await db.Files.AsNoTracking().Where(f => attachmentIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var drafts = new EmailDrafts(groups, rows => OutgoingMail.Build(rows, options, today, id =>
        {
            var file = attachments[id];
            using var content = files.Open(file.Sha256);
            using var bytes = new MemoryStream();
            content.CopyTo(bytes);
            return new MailAttachment(file.FileName, file.ContentType, bytes.ToArray());
        }));
        var emails = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            var rows = groups[i];
            try
            {
                var sending = session.SendAsync(await drafts.Take(i), ct);
                drafts.WriteAhead(i + 1);
                await sending;
            }
            catch (Exception e) when (Permanent(e) is { } answer)
            {
                log.LogWarning("Refused for good: {To}: {Answer}", rows[0].To, answer);
                db.Outbox.AttachRange(rows);
                foreach (var row in rows)
                {
                    row.Status = OutboxStatus.Failed;
                    row.Attempts++;
                    row.LastError = answer;
                }
                await SaveAsync(ct);
                metrics.EmailsFailed(rows.Count);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogInformation("Will retry {To}: {Error}", rows[0].To, Answer(e));
                Retry(rows, Answer(e), now);
                await SaveAsync(ct);
                continue;
            }
            await sent.RecordAsync(rows, now, ct);
            metrics.EmailsSent(rows.Count);
            emails++;
        }
        return emails;
    }

    /// <summary>Saves one email's failed or retried rows and forgets them, so the next save compares only its own.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DeliveryResult Tally(List<List<OutboxMessage>> groups, int emails)
    {
        var rows = groups.SelectMany(g => g).ToList();
        return new DeliveryResult(emails, rows.Count(r => r.Status == OutboxStatus.Sent),
            rows.Count(r => r.Status == OutboxStatus.Queued), rows.Count(r => r.Status == OutboxStatus.Failed));
    }

    private async Task<IMailSession> OpenAsync(CancellationToken ct) =>
        string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? new PickupMailSession(options.PickupDirectory)
            : await SmtpMailSession.OpenAsync(options.Smtp, ct);

    /// <summary>The server's answer when it refused for good (5xx, a malformed address); null when trying again may help.</summary>
    private static string? Permanent(Exception e) => e switch
    {
        SmtpCommandException { StatusCode: var code } when (int)code >= 500 => Answer(e),
        ParseException p => $"bad address: {p.Message}",
        _ => null,
    };

    /// <summary>The server's reply code and text when it gave one, else what went wrong.</summary>
    private static string Answer(Exception e) => e is SmtpCommandException c ? $"{(int)c.StatusCode} {c.Message}" : e.Message;

    /// <summary>
    /// Waits longer after each attempt; a row out of attempts is failed with its last error. Tracks the rows for
    /// the caller's save, which follows at once: the rows given up are counted here.
    /// </summary>
    private void Retry(List<OutboxMessage> rows, string error, DateTimeOffset now)
    {
        db.Outbox.AttachRange(rows);
        foreach (var row in rows)
        {
            row.Attempts++;
            row.LastError = error;
            if (row.Attempts >= options.MaxAttempts)
            {
                row.Status = OutboxStatus.Failed;
                metrics.EmailsFailed(1);
            }
            else
                row.NextAttemptAt = now + Wait(row.Attempts);
        }
    }

    /// <summary>1, 2, 4, 8... minutes, at most six hours.</summary>
    public static TimeSpan Wait(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), LongestWait.TotalMinutes));
}
