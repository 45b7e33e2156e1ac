using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// The statements of a fire, made once per EF model from its mapping: table and column names as the provider
/// quotes them, and each parameter, bound by its row record's property name, created by its property's type
/// mapping, value converter included (instants as ticks on SQLite, enums as names).
/// </summary>
internal sealed class TransitionSql
{
    public TransitionSql(IModel model, ISqlGenerationHelper sql, bool outputClause)
    {
        var instances = new MappedTable(model, typeof(WorkflowInstance), sql);
        UpdateInstance = new SqlStatement<InstanceUpdate>(instances, (s, _) =>
            $"UPDATE {instances.Name} SET {instances[nameof(WorkflowInstance.State)]} = {s[nameof(InstanceUpdate.State)]}, " +
            $"{instances[nameof(WorkflowInstance.DataJson)]} = {s[nameof(InstanceUpdate.DataJson)]}, " +
            $"{instances[nameof(WorkflowInstance.Revision)]} = {s[nameof(InstanceUpdate.Revision)]}, " +
            $"{instances[nameof(WorkflowInstance.UpdatedAt)]} = {s[nameof(InstanceUpdate.UpdatedAt)]} " +
            $"WHERE {instances[nameof(WorkflowInstance.Id)]} = {s[nameof(InstanceUpdate.Id)]} " +
            $"AND {instances[nameof(WorkflowInstance.Revision)]} = {s[nameof(InstanceUpdate.ExpectedRevision)]}");

        var journal = new MappedTable(model, typeof(JournalEntry), sql);
        var journalId = journal[nameof(JournalEntry.Id)];
        InsertJournal = new SqlStatement<JournalEntry>(journal, (s, _) =>
            $"INSERT INTO {journal.Name} ({s.Columns}) " +
            (outputClause ? $"OUTPUT INSERTED.{journalId} {s.Values(1)}" : $"{s.Values(1)} RETURNING {journalId}"),
            exclude: nameof(JournalEntry.Id));

        var timers = new MappedTable(model, typeof(WorkflowTimer), sql);
        CancelTimers = new SqlStatement<TimersCancelled>(timers, (s, count) =>
            $"UPDATE {timers.Name} SET {timers[nameof(WorkflowTimer.Status)]} = {s[nameof(TimersCancelled.Status)]} " +
            $"WHERE {timers[nameof(WorkflowTimer.InstanceId)]} = {s[nameof(TimersCancelled.InstanceId)]} " +
            $"AND {timers[nameof(WorkflowTimer.Status)]} = {s[nameof(TimersCancelled.WasStatus)]} " +
            $"AND {timers[nameof(WorkflowTimer.TimerId)]} IN {s.List(count)}",
            listProperty: nameof(WorkflowTimer.TimerId));

        InsertTimers = new SqlStatement<WorkflowTimer>(timers, (s, rows) => $"INSERT INTO {timers.Name} ({s.Columns}) {s.Values(rows)}",
            exclude: [nameof(WorkflowTimer.Id), nameof(WorkflowTimer.FiredAt)]);

        var recommendations = new MappedTable(model, typeof(Recommendation), sql);
        UpdateMirror = new SqlStatement<RecommendationMirror>(recommendations, (s, _) =>
            $"UPDATE {recommendations.Name} SET {recommendations[nameof(Recommendation.Deadline)]} = {s[nameof(RecommendationMirror.Deadline)]}, " +
            $"{recommendations[nameof(Recommendation.Result)]} = {s[nameof(RecommendationMirror.Result)]}, " +
            $"{recommendations[nameof(Recommendation.Closed)]} = {s[nameof(RecommendationMirror.Closed)]}, " +
            $"{recommendations[nameof(Recommendation.ClosedOn)]} = {s[nameof(RecommendationMirror.ClosedOn)]} " +
            $"WHERE {recommendations[nameof(Recommendation.Id)]} = {s[nameof(RecommendationMirror.Id)]}");
    }

    /// <summary>State, data, revision and time, guarded by the revision read.</summary>
    public SqlStatement<InstanceUpdate> UpdateInstance { get; }

    /// <summary>The journal line, answering its generated id.</summary>
    public SqlStatement<JournalEntry> InsertJournal { get; }

    /// <summary>Pending timers of one instance, by timer id (the list), to cancelled.</summary>
    public SqlStatement<TimersCancelled> CancelTimers { get; }

    /// <summary>Timer rows, as many as asked for, in one statement.</summary>
    public SqlStatement<WorkflowTimer> InsertTimers { get; }

    /// <summary>A recommendation's columns that mirror its follow-up instance.</summary>
    public SqlStatement<RecommendationMirror> UpdateMirror { get; }
}
