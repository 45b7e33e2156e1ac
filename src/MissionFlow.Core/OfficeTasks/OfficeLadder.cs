using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.OfficeTasks;

/// <summary>
/// Climbs a recommendation's escalation ladder as recorded steps. A rung falling due opens an Office task and
/// reminds the Council Office (never the agency); the letter goes to its recipient only once the Office has
/// recorded its number, date, signer and signed file; recording, skipping or stopping writes the next rung as a
/// scheduled task dated from that step (<see cref="LadderPlan"/>). Every step is a journal line of the item.
/// </summary>
public sealed class OfficeLadder(
    MissionFlowDbContext db,
    WorkflowService workflows,
    LadderBook book,
    DocumentService documents,
    RecipientDirectory recipients,
    LadderMail mail,
    CouncilClock clock,
    TimeProvider time)
{
    public const string LetterKind = "office-letter";

    /// <summary>Rungs opened or reminded per transaction of a sweep.</summary>
    private const int Chunk = 50;

    public DateOnly Today => clock.LocalDate(time.GetUtcNow());

    /// <summary>
    /// The sweep fired the timer that starts the ladder: opens the first rung, unless the ladder already started
    /// (the deadline moved after it did). Adds to the caller's unit of work; returns the Office's reminders.
    /// </summary>
    internal async Task<IReadOnlyList<OutboxMessage>> OpenFirstAsync(NoticeSubject subject, DateOnly dueDate, DateTimeOffset now, CancellationToken ct)
    {
        if (LadderOf(subject.Instance) is not { } ladder || subject.Recommendation is not { } recommendation
            || await db.OfficeTasks.AnyAsync(t => t.RecommendationId == recommendation.Id, ct))
            return [];
        var task = new OfficeTask { RecommendationId = recommendation.Id, Kind = ladder.Rungs[0].Id, Level = 1, OpenedAt = now, DueDate = dueDate };
        db.OfficeTasks.Add(task);
        return await OpenedAsync(subject, ladder, task, now, ct);
    }

    /// <summary>
    /// Opens the scheduled rungs due by today and reminds the Office once more of those still open too long after
    /// their due date, a chunk per transaction, through the (State, DueDate) index.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var done = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var today = clock.LocalDate(now);
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.OfficeTasks
                .Where(t => t.State == OfficeTaskState.Scheduled && t.DueDate <= today)
                .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
                .Take(Chunk)
                .ToListAsync(ct);
            if (due.Count == 0)
                break;
            var messages = new List<OutboxMessage>();
            foreach (var task in due)
            {
                // Another node may have opened it since the read: the state check makes the claim exclusive.
                if (await db.OfficeTasks.Where(t => t.Id == task.Id && t.State == OfficeTaskState.Scheduled)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, OfficeTaskState.Open).SetProperty(t => t.OpenedAt, now), ct) == 0)
                    continue;
                var subject = await SubjectAsync(task.RecommendationId, ct);
                if (LadderOf(subject.Instance) is not { } ladder)
                    continue;
                task.State = OfficeTaskState.Open;
                task.OpenedAt = now;
                messages.AddRange(await OpenedAsync(subject, ladder, task, now, ct));
            }
            await QueueAsync(messages, ct);
            await transaction.CommitAsync(ct);
            done += due.Count;
        }
        return done + await RemindOverdueAsync(ct);
    }

    private async Task<int> RemindOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = clock.LocalDate(now);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Open rungs past their due date not yet reminded: those of the last few working days, not every open one.
        var late = await db.OfficeTasks
            .Where(t => t.State == OfficeTaskState.Open && t.OverdueRemindedAt == null && t.DueDate < today)
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
            .Take(500)
            .ToListAsync(ct);
        var messages = new List<OutboxMessage>();
        var reminded = 0;
        foreach (var task in late)
        {
            var subject = await SubjectAsync(task.RecommendationId, ct);
            if (LadderOf(subject.Instance) is not { } ladder || ladder.FindRung(task.Kind) is not { } rung
                || clock.Calendar.Add(task.DueDate!.Value, ladder.ParsedOverdueAfter) > today)
                continue;
            task.OverdueRemindedAt = now;
            messages.AddRange(await RemindOfficeAsync(subject, ladder, ladder.OverdueTemplate, rung, task, "overdue", now, ct));
            reminded++;
        }
        await QueueAsync(messages, ct);
        await transaction.CommitAsync(ct);
        return reminded;
    }

    /// <summary>
    /// Records the letter the Office issued for an open rung, then emails it with the signed file to its recipient
    /// and schedules the next rung from the letter's date.
    /// </summary>
    public async Task<OfficeTask> RecordAsync(Guid taskId, RecordLetterRequest request, string actor, CancellationToken ct = default)
    {
        var number = Require.Text(request.DocumentNumber, "documentNumber", 60);
        var date = Require.Value(request.DocumentDate, "documentDate");
        if (date > Today)
            throw new InvalidRequestException("documentDate", "The letter's date cannot be in the future.") { Code = "future-date", Args = ["documentDate"] };
        var signer = Require.Text(request.Signer, "signer", 200);
        if (request.File is not { } file)
            throw new InvalidRequestException("file", "The signed letter (PDF) is required.") { Code = "required", Args = ["file"] };
        if (!string.Equals(Path.GetExtension(file.FileName), ".pdf", StringComparison.OrdinalIgnoreCase))
            throw new InvalidRequestException("file", "The signed letter must be a PDF file.") { Code = "file-type", Args = ["file", Path.GetExtension(file.FileName), ".pdf"] };

        var (task, subject, ladder, rung) = await LoadAsync(taskId, OfficeTaskState.Open, ct);
        if (request.Complex && !rung.MayBeComplex)
            throw new InvalidRequestException("complex", $"The {rung.Name.En} cannot be recorded as a complex case.") { Code = "not-complex", Args = ["complex"] };
        var now = time.GetUtcNow();
        // The demo seeder records a letter inside its own transaction; a request records it in one of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await ClaimAsync(task, OfficeTaskState.Open, ct);
        var stored = await documents.AddAsync(FileOwner.Recommendation, task.RecommendationId, LetterKind, file, actor, "file", ct: ct);
        task.State = OfficeTaskState.Done;
        task.DocumentNumber = number;
        task.DocumentDate = date;
        task.Signer = signer;
        task.FileId = stored.Id;
        task.Complex = request.Complex;
        task.CompletedAt = now;
        task.CompletedBy = actor;
        book.Journal(InstanceAt.Of(subject.Instance), now, actor, rung.Id, LadderStep.Recorded, new()
        {
            ["documentNumber"] = number, ["documentDate"] = DataDates.Write(date), ["signer"] = signer,
            ["complex"] = request.Complex ? "true" : "false", ["fileId"] = stored.Id.ToString(),
        });
        var messages = new List<OutboxMessage>();
        if (rung is { LetterTo: { } to, Template: { } templateId })
        {
            var template = workflows.DefinitionOf(subject.Instance).FindTemplate(templateId)!;
            messages.AddRange((await recipients.ResolveAsync(subject, [to], ct)).Select(r => mail.Compose(subject, template, rung, task, "letter", r, now)));
        }
        await book.ScheduleNextAsync(subject.Recommendation!, ladder, now, ct);
        await QueueAsync(messages, ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return task;
    }

    /// <summary>A committee member passes over a rung: the next is scheduled from today.</summary>
    public Task<OfficeTask> SkipAsync(Guid taskId, string? reason, string actor, CancellationToken ct = default) =>
        SettleAsync(taskId, reason, actor, OfficeTaskState.Skipped, ct);

    /// <summary>A committee member ends the ladder: nothing further falls due for the item.</summary>
    public Task<OfficeTask> StopAsync(Guid taskId, string? reason, string actor, CancellationToken ct = default) =>
        SettleAsync(taskId, reason, actor, OfficeTaskState.Stopped, ct);

    private async Task<OfficeTask> SettleAsync(Guid taskId, string? reason, string actor, OfficeTaskState state, CancellationToken ct)
    {
        var why = Require.Text(reason, "reason", InputLimits.Paragraph);
        var (task, subject, ladder, rung) = await LoadAsync(taskId, null, ct);
        if (task.State is not (OfficeTaskState.Open or OfficeTaskState.Scheduled))
            throw new ConflictException($"This task is {task.State.ToString().ToLowerInvariant()}, not open.") { Code = "task-not-open" };
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ClaimAsync(task, task.State, ct);
        book.Settle(InstanceAt.Of(subject.Instance), task, rung.Id, state, why, actor, now);
        if (state == OfficeTaskState.Skipped)
            await book.ScheduleNextAsync(subject.Recommendation!, ladder, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return task;
    }

    private async Task<IReadOnlyList<OutboxMessage>> OpenedAsync(NoticeSubject subject, LadderDefinition ladder, OfficeTask task, DateTimeOffset now, CancellationToken ct)
    {
        var rung = ladder.FindRung(task.Kind)!;
        var recommendation = subject.Recommendation!;
        recommendation.EscalationLevel = Math.Max(recommendation.EscalationLevel, task.Level);
        book.Journal(InstanceAt.Of(subject.Instance), now, Engine.Runtime.Actor.System.Id, rung.Id, LadderStep.Opened, new() { ["dueDate"] = task.DueDate is { } due ? DataDates.Write(due) : "" });
        return await RemindOfficeAsync(subject, ladder, ladder.DueTemplate, rung, task, "due", now, ct);
    }

    private async Task<IReadOnlyList<OutboxMessage>> RemindOfficeAsync(NoticeSubject subject, LadderDefinition ladder, string templateId, RungDefinition rung,
        OfficeTask task, string step, DateTimeOffset now, CancellationToken ct)
    {
        var template = workflows.DefinitionOf(subject.Instance).FindTemplate(templateId)!;
        // The reminded are the Office's people: an agency address never hears of a rung before its letter is recorded.
        return (await recipients.ResolveAsync(subject, rung.Remind, ct))
            .Where(r => r.AgencyId is null)
            .Select(r => mail.Compose(subject, template, rung, task, step, r, now))
            .ToList();
    }

    private async Task QueueAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        var keys = messages.Select(m => m.DedupeKey).ToList();
        var queued = (await db.Outbox.Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct)).ToHashSet();
        db.Outbox.AddRange(messages.Where(m => !queued.Contains(m.DedupeKey)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The state check makes the step exclusive: of two people recording at once, one gets 409.</summary>
    private async Task ClaimAsync(OfficeTask task, OfficeTaskState expected, CancellationToken ct)
    {
        if (await db.OfficeTasks.Where(t => t.Id == task.Id && t.State == expected)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedAt, time.GetUtcNow()), ct) == 0)
            throw new ConflictException("This task was settled meanwhile.") { Code = "task-not-open" };
    }

    private async Task<(OfficeTask Task, NoticeSubject Subject, LadderDefinition Ladder, RungDefinition Rung)> LoadAsync(Guid taskId, OfficeTaskState? expected, CancellationToken ct)
    {
        var task = await db.OfficeTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException("No such Office task.");
        if (expected is { } state && task.State != state)
            throw new ConflictException($"This task is {task.State.ToString().ToLowerInvariant()}, not open.") { Code = "task-not-open" };
        var subject = await SubjectAsync(task.RecommendationId, ct);
        var ladder = LadderOf(subject.Instance) ?? throw new ConflictException("This item follows no escalation ladder.");
        var rung = ladder.FindRung(task.Kind) ?? throw new ConflictException($"The ladder has no rung '{task.Kind}'.");
        return (task, subject, ladder, rung);
    }

    private async Task<NoticeSubject> SubjectAsync(Guid recommendationId, CancellationToken ct)
    {
        var instanceId = await db.Recommendations.Where(r => r.Id == recommendationId).Select(r => r.InstanceId).SingleAsync(ct);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
        return (await NoticeSubject.LoadAsync(db, [instance], ct))[instance.Id];
    }

    private LadderDefinition? LadderOf(WorkflowInstance instance) => workflows.DefinitionOf(instance).Ladder;
}
