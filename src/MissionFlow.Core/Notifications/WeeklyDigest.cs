using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Missions;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Telemetry;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// Once a week, the committee and each agency hear what is overdue and what falls due soon; the committee also
/// sees the letters the Council Office still has to issue. One row per person and ISO week: a job run twice
/// that week queues nothing more.
/// </summary>
public sealed class WeeklyDigest(MissionFlowDbContext db, DefinitionCatalog catalog, RecipientDirectory recipients, NotificationOptions options, CouncilClock clock, TimeProvider time, MissionFlowMetrics metrics)
{
    public const string Kind = "weekly-digest";

    private sealed record Item(string MissionCode, int Number, string Text, DateOnly Deadline, Guid AgencyId);

    private sealed record Task(string MissionCode, int Number, string Kind, DateTimeOffset OpenedAt, string WorkflowId, int WorkflowVersion);

    /// <summary>Queues the week's digests; returns how many were queued.</summary>
    public async Task<int> QueueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = clock.LocalDate(now);
        var until = today.AddDays(options.DueSoonDays);
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):D2}";
        var items = await (from r in db.Recommendations
                           join m in db.Missions on r.MissionId equals m.Id
                           where r.InstanceId != null && !r.Closed && r.Deadline <= until
                           orderby r.Deadline, m.Code, r.Number
                           select new Item(m.Code, r.Number, r.Text, r.Deadline, r.AgencyId)).ToListAsync(ct);
        var tasks = await (from t in db.OfficeTasks
                           join r in db.Recommendations on t.RecommendationId equals r.Id
                           join m in db.Missions on r.MissionId equals m.Id
                           join i in db.Instances on r.InstanceId equals i.Id
                           where t.State == OfficeTaskState.Open // a scheduled rung is not the Office's work yet; a recorded one is done
                           orderby m.Code, r.Number, t.Level
                           select new Task(m.Code, r.Number, t.Kind, t.OpenedAt, i.WorkflowId, i.WorkflowVersion)).ToListAsync(ct);

        var digests = new List<(string Email, IReadOnlyList<Item> Items, IReadOnlyList<Task> Tasks)>();
        foreach (var email in await recipients.EmailsInRoleAsync(Roles.Committee, ct))
            digests.Add((email, items, tasks));
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Active).OrderBy(a => a.Code).ToListAsync(ct);
        foreach (var agency in agencies)
            digests.Add((agency.Email.ToLowerInvariant(), items.Where(i => i.AgencyId == agency.Id).ToList(), []));
        digests = digests.Where(d => d.Items.Count > 0 || d.Tasks.Count > 0).ToList();

        var keys = digests.Select(d => Key(week, d.Email)).ToList();
        var queued = await db.Outbox.Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct);
        var languages = await recipients.LanguagesAsync(digests.Select(d => d.Email), ct);
        var fresh = digests.Where(d => !queued.Contains(Key(week, d.Email))).ToList();
        foreach (var (email, mine, openTasks) in fresh)
            db.Outbox.Add(Compose(email, languages.GetValueOrDefault(email, options.DefaultLanguage), week, today, mine, openTasks, now));
        await db.SaveChangesAsync(ct);
        metrics.EmailsQueued(fresh.Select(_ => Kind));
        return fresh.Count;
    }

    /// <summary>A rung as its definition's ladder names it, so a council's own wording reaches the digest; older definitions' tasks by their fixed names.</summary>
    private LocalizedText TaskName(Task task) =>
        catalog.Find(task.WorkflowId, task.WorkflowVersion)?.Ladder?.FindRung(task.Kind)?.Name ?? MailTexts.TaskKind(task.Kind);

    private static string Key(string week, string email) => $"weekly:{week}:{email}";

    private OutboxMessage Compose(string email, string language, string week, DateOnly today, IReadOnlyList<Item> items, IReadOnlyList<Task> tasks, DateTimeOffset now)
    {
        var sections = new List<(string Title, List<string> Lines)>
        {
            (MailTexts.WeeklyOverdue.In(language), items.Where(i => i.Deadline < today).Select(i => Line(i, language)).ToList()),
            (MailTexts.Format(MailTexts.WeeklyDueSoon, language, options.DueSoonDays), items.Where(i => i.Deadline >= today).Select(i => Line(i, language)).ToList()),
            (MailTexts.WeeklyTasks.In(language), tasks.Select(t => MailTexts.Format(MailTexts.TaskLine, language, t.MissionCode, t.Number, TaskName(t).In(language), MailTexts.Date(clock.LocalDate(t.OpenedAt)))).ToList()),
        };
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var (title, lines) in sections.Where(s => s.Lines.Count > 0))
        {
            text.Append(title).Append('\n').Append(string.Concat(lines.Select(l => $"- {l}\n"))).Append('\n');
            html.Append("<h3>").Append(MailTexts.Html(title)).Append("</h3>\n<ul>\n")
                .Append(string.Concat(lines.Select(l => $"<li>{MailTexts.Html(l)}</li>\n"))).Append("</ul>\n");
        }
        text.Append("-- \n").Append(MailTexts.Footer.In(language)).Append('\n');
        return new OutboxMessage
        {
            DedupeKey = Key(week, email),
            MessageId = OutboxIds.NewMessageId(options.Smtp.From),
            To = email,
            Subject = MailTexts.Format(MailTexts.Weekly, language, week),
            TextBody = text.ToString(),
            HtmlBody = html.ToString(),
            Kind = Kind,
            Language = language,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    private static string Line(Item item, string language) =>
        MailTexts.Format(MailTexts.WeeklyLine, language, item.MissionCode, item.Number, MailTexts.Date(item.Deadline), item.Text);
}
