using System.Text;
using MimeKit;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// Makes one email of everything queued for one person: a single notice as written; several as one message;
/// more than the cap as a digest of their subjects. The first row's Message-ID names it, so the same group sent
/// again after a crash carries the same Message-ID.
/// </summary>
public static class OutgoingMail
{
    /// <param name="attachment">Reads a row's stored file (a recorded letter) when it names one.</param>
    public static MimeMessage Build(IReadOnlyList<OutboxMessage> rows, NotificationOptions options, DateOnly today, Func<Guid, MailAttachment>? attachment = null)
    {
        var first = rows[0];
        var language = first.Language;
        var message = new MimeMessage { MessageId = first.MessageId, Date = first.CreatedAt };
        message.From.Add(MailboxAddress.Parse(options.Smtp.From));
        message.To.Add(MailboxAddress.Parse(first.To));
        if (first.Cc is { Length: > 0 } cc)
            message.Cc.Add(MailboxAddress.Parse(cc));

        var body = new BodyBuilder();
        if (rows.Count == 1)
        {
            message.Subject = first.Subject;
            body.TextBody = first.TextBody;
            body.HtmlBody = Html(first.HtmlBody);
        }
        else if (rows.Count <= options.DigestCap)
        {
            message.Subject = MailTexts.Format(MailTexts.Grouped, language, rows.Count, MailTexts.Date(today));
            body.TextBody = string.Join("\n", rows.Select(r => $"== {r.Subject} ==\n\n{r.TextBody}"));
            body.HtmlBody = Html(string.Join("<hr>\n", rows.Select(r => $"<h3>{MailTexts.Html(r.Subject)}</h3>\n{r.HtmlBody}")));
        }
        else
        {
            message.Subject = MailTexts.Format(MailTexts.Digest, language, rows.Count, MailTexts.Date(today));
            var intro = MailTexts.Format(MailTexts.DigestIntro, language, rows.Count, options.PublicBaseUrl);
            body.TextBody = intro + "\n\n" + string.Concat(rows.Select(r => $"- {r.Subject}\n")) + "\n-- \n" + MailTexts.Footer.In(language) + "\n";
            body.HtmlBody = Html($"<p>{MailTexts.Html(intro)}</p>\n<ul>\n{string.Concat(rows.Select(r => $"<li>{MailTexts.Html(r.Subject)}</li>\n"))}</ul>\n");
        }
        if (rows.Count <= options.DigestCap)
        {
            var number = 0;
            foreach (var row in rows.Where(r => r.Calendar is not null))
                body.Attachments.Add(rows.Count == 1 ? "deadline.ics" : $"deadline-{++number}.ics", Encoding.UTF8.GetBytes(row.Calendar!),
                    ContentType.Parse("text/calendar; charset=utf-8; method=PUBLISH"));
            foreach (var row in rows.Where(r => r.AttachmentFileId is not null && attachment is not null))
            {
                var file = attachment!(row.AttachmentFileId!.Value);
                body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
            }
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Html(string inner) =>
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\n{inner}</body></html>\n";
}

/// <summary>A stored file sent with an email.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
