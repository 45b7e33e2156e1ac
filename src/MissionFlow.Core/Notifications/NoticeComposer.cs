using System.Text;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// Writes the email a fired timer owes one recipient, from the definition's template in the recipient's
/// language: subject naming mission, recommendation and deadline; HTML and plain text; the deadline as an
/// iCalendar attachment; for the agency's own people while it can be acknowledged, a one-click link.
/// </summary>
public sealed class NoticeComposer(AckLinkService links, NotificationOptions options)
{
    public OutboxMessage Compose(NoticeSubject subject, WorkflowDefinition definition, TimerFired fired, Recipient recipient, DateOnly dueDate, DateTimeOffset now)
    {
        var language = recipient.Language;
        var template = definition.FindTemplate(fired.Notice.Template)
            ?? throw new InvalidOperationException($"Workflow '{definition.Id}' has no template '{fired.Notice.Template}'.");
        var data = subject.Instance.Data;
        var title = MailTexts.Fill(template.Subject.In(language), data);
        var deadline = fired.Notice.AnchorDate;
        // Every subject names the deadline, even where a template's wording leaves it to the body.
        if (deadline is { } date && !title.Contains(MailTexts.Date(date), StringComparison.Ordinal))
            title += MailTexts.Format(MailTexts.DueTail, language, MailTexts.Date(date));
        var body = MailTexts.Fill(template.Body.In(language), data);

        var link = subject.Recommendation is { } recommendation && recipient.AgencyRole is not null
            && definition.TriggerFor(TriggerMeaning.Acknowledge, subject.Instance.State) is not null
            ? links.Create(recommendation.Id, recipient, now)
            : ((string Url, DateTimeOffset ExpiresAt)?)null;

        var text = new StringBuilder(body).Append("\n\n");
        var html = new StringBuilder("<p>").Append(MailTexts.Html(body)).Append("</p>\n");
        if (link is { } l)
        {
            var hint = MailTexts.Format(MailTexts.AcknowledgeHint, language, MailTexts.Date(DateOnly.FromDateTime(l.ExpiresAt.UtcDateTime)));
            text.Append(hint).Append('\n').Append(l.Url).Append("\n\n");
            html.Append("<p>").Append(MailTexts.Html(hint)).Append("<br>\n<a href=\"").Append(MailTexts.Html(l.Url)).Append("\">")
                .Append(MailTexts.Html(MailTexts.Acknowledge.In(language))).Append("</a></p>\n");
        }
        var footer = MailTexts.Footer.In(language);
        text.Append("-- \n").Append(footer).Append('\n');
        html.Append("<p style=\"color:#666;font-size:small\">").Append(MailTexts.Html(footer)).Append("</p>\n");

        return new OutboxMessage
        {
            DedupeKey = $"timer:{subject.Instance.Id:N}:{fired.TimerId}:{dueDate:yyyy-MM-dd}:{recipient.Email}",
            MessageId = OutboxIds.NewMessageId(options.Smtp.From),
            To = recipient.Email,
            Subject = title,
            TextBody = text.ToString(),
            HtmlBody = html.ToString(),
            Kind = fired.Notice.Kind.ToString().ToLowerInvariant(),
            Language = language,
            RecommendationId = subject.Recommendation?.Id,
            MissionId = subject.Mission.Id,
            Calendar = deadline is { } d ? Invite(subject, fired.Notice.Anchor, d, body, language, now) : null,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    private static string Invite(NoticeSubject subject, string anchor, DateOnly date, string description, string language, DateTimeOffset now)
    {
        var summary = subject.Recommendation is { } r
            ? MailTexts.Format(MailTexts.InviteSummary, language, r.Number, subject.Mission.Code)
            : MailTexts.Format(MailTexts.InviteSummaryOfMission, language, anchor, subject.Mission.Code);
        return DeadlineInvite.Create($"{subject.Instance.Id:N}-{anchor}@missionflow", date, summary, description, now);
    }
}
