using System.Text;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Timers;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.OfficeTasks;

/// <summary>
/// The ladder's emails: to the Council Office when a rung falls due or is still open long after, and the recorded
/// letter to its recipient with the signed file attached and its number in the subject. The definition's templates
/// fill "{rung}", "{dueDate}", "{documentNumber}" and "{documentDate}" besides the item's own data.
/// </summary>
public sealed class LadderMail(NotificationOptions options)
{
    public OutboxMessage Compose(NoticeSubject subject, TemplateDefinition template, RungDefinition rung, OfficeTask task, string step,
        Recipient recipient, DateTimeOffset now)
    {
        var language = recipient.Language;
        var data = new Dictionary<string, string>(subject.Instance.Data)
        {
            ["rung"] = rung.Name.In(language),
            ["dueDate"] = task.DueDate is { } due ? MailTexts.Date(due) : "",
        };
        if (task.DocumentNumber is { } number)
            data["documentNumber"] = number;
        if (task.DocumentDate is { } date)
            data["documentDate"] = MailTexts.Date(date);
        var title = MailTexts.Fill(template.Subject.In(language), data);
        var body = MailTexts.Fill(template.Body.In(language), data);
        var footer = MailTexts.Footer.In(language);
        return new OutboxMessage
        {
            DedupeKey = $"ladder:{task.Id:N}:{step}:{recipient.Email}",
            MessageId = OutboxIds.NewMessageId(options.Smtp.From),
            To = recipient.Email,
            Subject = title,
            TextBody = new StringBuilder(body).Append("\n\n-- \n").Append(footer).Append('\n').ToString(),
            HtmlBody = $"<p>{MailTexts.Html(body)}</p>\n<p style=\"color:#666;font-size:small\">{MailTexts.Html(footer)}</p>\n",
            Kind = $"ladder-{step}",
            Language = language,
            RecommendationId = subject.Recommendation?.Id,
            MissionId = subject.Mission.Id,
            AttachmentFileId = step == "letter" ? task.FileId : null,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
