using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Bench;

/// <summary>
/// The rows one engine transition wrote, in the column forms SQLite holds (ids as upper-case text, instants as
/// EF's DateTimeOffset-to-binary longs, enums as names), so the baseline can write the very same rows.
/// </summary>
public sealed record RecordedTransition(
    string InstanceId,
    int Revision,
    string State,
    string DataJson,
    long UpdatedAt,
    RecordedJournal Journal,
    string? CancelledTimerIdsJson,
    int CancelledTimers,
    IReadOnlyList<RecordedTimer> SetTimers)
{
    private static readonly Func<DateTimeOffset, long> Binary = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

    public static RecordedTransition Of(FireResult result)
    {
        var instance = result.Instance;
        var transition = result.Transition;
        var id = Text(instance.Id);
        var j = transition.Journal;
        var journal = new RecordedJournal(
            Binary(j.At), j.Actor, j.Trigger, string.IsNullOrEmpty(j.From) ? null : j.From, j.To, j.Comment,
            JsonSerializer.Serialize(j.Input)); // as WorkflowService.Record serializes it
        var cancel = transition.Timers.Cancel;
        return new RecordedTransition(
            id, instance.Revision, instance.State, instance.DataJson, Binary(instance.UpdatedAt), journal,
            cancel.Count == 0 ? null : JsonSerializer.Serialize(cancel), cancel.Count,
            transition.Timers.Set.Select(t => Timer(t, TimerStatus.Pending)).ToList());
    }

    private static RecordedTimer Timer(ScheduledTimer t, TimerStatus status) =>
        new(t.TimerId, Binary(t.DueAt), t.Kind.ToString(), t.Level, status.ToString());

    /// <summary>How EF Core's SQLite provider stores a Guid.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();
}

public sealed record RecordedJournal(long At, string Actor, string Trigger, string? FromState, string ToState, string? Comment, string InputJson);

/// <summary>A timer row inserted. The workload's deadlines lie years ahead, so no timer is ever born past due.</summary>
public sealed record RecordedTimer(string TimerId, long DueAt, string Kind, int? Level, string Status);
