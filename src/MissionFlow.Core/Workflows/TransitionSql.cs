using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// The four statements of a fire, made once per EF model from its mapping: table and column names as the
/// provider quotes them, and each parameter created by its property's type mapping, value converter included
/// (instants as ticks on SQLite, enums as names).
/// </summary>
internal sealed class TransitionSql
{
    public TransitionSql(IModel model, ISqlGenerationHelper sql, bool outputClause)
    {
        var instances = new MappedTable(model, typeof(WorkflowInstance), sql);
        UpdateInstance = new SqlStatement(sql,
            instances.Columns(nameof(WorkflowInstance.State), nameof(WorkflowInstance.DataJson), nameof(WorkflowInstance.Revision),
                nameof(WorkflowInstance.UpdatedAt), nameof(WorkflowInstance.Id), nameof(WorkflowInstance.Revision)),
            (s, _) => $"UPDATE {instances.Name} SET {instances[nameof(WorkflowInstance.State)]} = {s.Placeholder(0, 0)}, " +
                      $"{instances[nameof(WorkflowInstance.DataJson)]} = {s.Placeholder(0, 1)}, {instances[nameof(WorkflowInstance.Revision)]} = {s.Placeholder(0, 2)}, " +
                      $"{instances[nameof(WorkflowInstance.UpdatedAt)]} = {s.Placeholder(0, 3)} " +
                      $"WHERE {instances[nameof(WorkflowInstance.Id)]} = {s.Placeholder(0, 4)} AND {instances[nameof(WorkflowInstance.Revision)]} = {s.Placeholder(0, 5)}");

        var journal = new MappedTable(model, typeof(JournalEntry), sql);
        string[] journalColumns =
        [
            nameof(JournalEntry.InstanceId), nameof(JournalEntry.At), nameof(JournalEntry.Actor), nameof(JournalEntry.Trigger),
            nameof(JournalEntry.FromState), nameof(JournalEntry.ToState), nameof(JournalEntry.Comment), nameof(JournalEntry.InputJson),
            nameof(JournalEntry.Imported),
        ];
        var journalId = journal[nameof(JournalEntry.Id)];
        InsertJournal = new SqlStatement(sql, journal.Columns(journalColumns),
            (s, _) => $"INSERT INTO {journal.Name} ({journal.List(journalColumns)}) " +
                      (outputClause ? $"OUTPUT INSERTED.{journalId} {s.Values(1)}" : $"{s.Values(1)} RETURNING {journalId}"));

        var timers = new MappedTable(model, typeof(WorkflowTimer), sql);
        CancelTimers = new SqlStatement(sql,
            timers.Columns(nameof(WorkflowTimer.Status), nameof(WorkflowTimer.InstanceId), nameof(WorkflowTimer.Status)),
            (s, count) => $"UPDATE {timers.Name} SET {timers[nameof(WorkflowTimer.Status)]} = {s.Placeholder(0, 0)} " +
                          $"WHERE {timers[nameof(WorkflowTimer.InstanceId)]} = {s.Placeholder(0, 1)} AND {timers[nameof(WorkflowTimer.Status)]} = {s.Placeholder(0, 2)} " +
                          $"AND {timers[nameof(WorkflowTimer.TimerId)]} IN {s.List(count)}",
            timers.Column(nameof(WorkflowTimer.TimerId)));

        string[] timerColumns =
        [
            nameof(WorkflowTimer.InstanceId), nameof(WorkflowTimer.TimerId), nameof(WorkflowTimer.DueAt), nameof(WorkflowTimer.Kind),
            nameof(WorkflowTimer.Level), nameof(WorkflowTimer.Status),
        ];
        InsertTimers = new SqlStatement(sql, timers.Columns(timerColumns),
            (s, rows) => $"INSERT INTO {timers.Name} ({timers.List(timerColumns)}) {s.Values(rows)}");
    }

    /// <summary>State, data, revision and time, guarded by the revision read (row 0: new values, id, expected revision).</summary>
    public SqlStatement UpdateInstance { get; }

    /// <summary>The journal line, answering its generated id.</summary>
    public SqlStatement InsertJournal { get; }

    /// <summary>Pending timers of one instance, by timer id, to cancelled (row 0: cancelled, instance, pending; the list: timer ids).</summary>
    public SqlStatement CancelTimers { get; }

    /// <summary>Timer rows, as many as asked for, in one statement.</summary>
    public SqlStatement InsertTimers { get; }
}
