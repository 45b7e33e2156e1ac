using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.OfficeTasks;

/// <summary>
/// The ladder's rows and journal lines, written in the caller's unit of work: the steps a rung goes through, the
/// next rung scheduled from the last step, and what a transition of the item does to its ladder. Sends nothing.
/// </summary>
public sealed class LadderBook(MissionFlowDbContext db, CouncilClock clock, TimeProvider time)
{
    public const string NotImplemented = "not-implemented";
    public const string ExplanationRequest = "explanation-request";

    /// <summary>
    /// Follows a transition of the item, in its transaction: a final state stops its open and scheduled rungs; a
    /// "not implemented" verification brings the request for explanation due at once, skipping the rungs before
    /// it; a moved deadline holds a scheduled rung back to the first rung's day for the new deadline.
    /// </summary>
    public async Task AfterTransitionAsync(Guid recommendationId, DateOnly deadline, Decision decision, bool deadlineMoved, CancellationToken ct)
    {
        var (instance, definition, transition, _) = decision;
        if (definition.Ladder is not { } ladder)
            return;
        var now = time.GetUtcNow();
        var at = new InstanceAt(instance.Id, transition.To);
        var tasks = await db.OfficeTasks.Where(t => t.RecommendationId == recommendationId).ToListAsync(ct);
        var pending = tasks.Where(t => t.State is OfficeTaskState.Open or OfficeTaskState.Scheduled).ToList();
        if (definition.IsFinal(transition.To))
        {
            foreach (var task in pending)
                Settle(at, task, task.Kind, OfficeTaskState.Stopped, transition.Journal.Trigger, "system", now);
            return;
        }
        if (definition.MeaningOf(transition.Journal.Trigger) == TriggerMeaning.Verify && transition.Journal.Input.GetValueOrDefault("result") == NotImplemented
            && ladder.FindRung(ExplanationRequest) is { } request)
        {
            var level = ladder.LevelOf(request.Id);
            if (tasks.Any(t => t.Level >= level))
                return; // the request was issued already, or is already due
            foreach (var task in pending)
                Settle(at, task, task.Kind, OfficeTaskState.Skipped, NotImplemented, "system", now);
            foreach (var (earlier, i) in ladder.Rungs.Take(level - 1).Select((r, i) => (r, i)).Where(x => tasks.All(t => t.Kind != x.r.Id)))
            {
                var skipped = new OfficeTask { RecommendationId = recommendationId, Kind = earlier.Id, Level = i + 1, OpenedAt = now, State = OfficeTaskState.Skipped };
                db.OfficeTasks.Add(skipped);
                Settle(at, skipped, earlier.Id, OfficeTaskState.Skipped, NotImplemented, "system", now);
            }
            db.OfficeTasks.Add(new OfficeTask { RecommendationId = recommendationId, Kind = request.Id, Level = level, OpenedAt = now, DueDate = clock.LocalDate(now), State = OfficeTaskState.Scheduled });
            return;
        }
        if (deadlineMoved)
        {
            var next = LadderPlan.Next(ladder, clock.Calendar, deadline, Settled(tasks));
            foreach (var task in pending.Where(t => t.State == OfficeTaskState.Scheduled && t.Kind == next?.Rung.Id))
                task.DueDate = next!.DueDate;
        }
    }

    /// <summary>Writes the next rung as a scheduled task dated from the last step, unless the ladder is stopped or climbed.</summary>
    public async Task ScheduleNextAsync(Recommendation recommendation, LadderDefinition ladder, DateTimeOffset now, CancellationToken ct)
    {
        var tasks = await db.OfficeTasks.Where(t => t.RecommendationId == recommendation.Id).ToListAsync(ct);
        if (LadderPlan.Next(ladder, clock.Calendar, recommendation.Deadline, Settled(tasks)) is not { } next || tasks.Any(t => t.Kind == next.Rung.Id))
            return;
        db.OfficeTasks.Add(new OfficeTask
        {
            RecommendationId = recommendation.Id, Kind = next.Rung.Id, Level = next.Level, OpenedAt = now, DueDate = next.DueDate, State = OfficeTaskState.Scheduled,
        });
    }

    public IReadOnlyCollection<SettledRung> Settled(IEnumerable<OfficeTask> tasks) =>
        tasks.Where(t => t.State is OfficeTaskState.Done or OfficeTaskState.Skipped or OfficeTaskState.Stopped)
            .Select(t => new SettledRung(t.Kind,
                t.State switch { OfficeTaskState.Done => LadderStep.Recorded, OfficeTaskState.Skipped => LadderStep.Skipped, _ => LadderStep.Stopped },
                t.State == OfficeTaskState.Done ? t.DocumentDate!.Value : clock.LocalDate(t.CompletedAt ?? time.GetUtcNow()),
                t.Complex))
            .ToList();

    public void Settle(InstanceAt instance, OfficeTask task, string rung, OfficeTaskState state, string reason, string actor, DateTimeOffset now)
    {
        task.State = state;
        task.Reason = reason;
        task.CompletedAt = now;
        task.CompletedBy = actor;
        Journal(instance, now, actor, rung, state == OfficeTaskState.Skipped ? LadderStep.Skipped : LadderStep.Stopped, new() { ["reason"] = reason });
    }

    public void Journal(InstanceAt instance, DateTimeOffset at, string actor, string rung, LadderStep step, Dictionary<string, string> input) =>
        db.Journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            At = at,
            Actor = actor,
            Trigger = LadderDefinition.Trigger(rung, step),
            FromState = instance.State,
            ToState = instance.State,
            InputJson = JsonSerializer.Serialize(input),
        });
}
