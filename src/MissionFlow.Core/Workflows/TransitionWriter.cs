using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Workflows;

/// <summary>The row values a fire gives its instance.</summary>
internal sealed record InstanceUpdate(Guid Id, int ExpectedRevision, string State, string DataJson, DateTimeOffset UpdatedAt)
{
    public int Revision => ExpectedRevision + 1;
}

/// <summary>
/// Writes one fire's rows (the instance guarded by its revision, the journal line, the timers cancelled and set)
/// as at most four plain commands on the context's connection and transaction. This is the engine's hot path, and
/// SaveChanges spends several times the database's own work on it: change detection, command ordering, and one
/// statement per timer row where one multi-row INSERT and one set-based UPDATE do. Tables, columns and value
/// conversions come from the EF model, so these rows read back through EF exactly as EF would have written them.
/// </summary>
internal static class TransitionWriter
{
    private static readonly PerModel<TransitionSql> Statements = new(db => new TransitionSql(db.Model, db.GetService<ISqlGenerationHelper>(), db.Database.IsSqlServer()));

    /// <summary>
    /// Writes the rows and answers the journal entry's new id; null, having written nothing, when the instance is
    /// no longer at the revision the fire read (another fire won).
    /// </summary>
    public static async Task<long?> WriteAsync(
        DbContext db, InstanceUpdate instance, JournalEntry entry, IReadOnlyList<string> cancel, IReadOnlyList<WorkflowTimer> timers,
        CancellationToken ct)
    {
        var sql = Statements.For(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        await using (var update = sql.UpdateInstance.Command(connection, transaction))
        {
            sql.UpdateInstance.Bind(update, 0, instance.State, instance.DataJson, instance.Revision, instance.UpdatedAt, instance.Id, instance.ExpectedRevision);
            if (await update.ExecuteNonQueryAsync(ct) != 1)
                return null;
        }

        long journalId;
        await using (var insert = sql.InsertJournal.Command(connection, transaction))
        {
            sql.InsertJournal.Bind(insert, 0, entry.InstanceId, entry.At, entry.Actor, entry.Trigger, entry.FromState, entry.ToState, entry.Comment, entry.InputJson, entry.Imported);
            journalId = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        if (cancel.Count > 0)
        {
            await using var command = sql.CancelTimers.Command(connection, transaction, cancel.Count);
            sql.CancelTimers.Bind(command, 0, TimerStatus.Cancelled, instance.Id, TimerStatus.Pending);
            for (var i = 0; i < cancel.Count; i++)
                sql.CancelTimers.BindListItem(command, i, cancel[i]);
            await command.ExecuteNonQueryAsync(ct);
        }

        if (timers.Count > 0)
        {
            await using var command = sql.InsertTimers.Command(connection, transaction, timers.Count);
            for (var row = 0; row < timers.Count; row++)
            {
                var t = timers[row];
                sql.InsertTimers.Bind(command, row, t.InstanceId, t.TimerId, t.DueAt, t.Kind, t.Level, t.Status);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        return journalId;
    }
}
