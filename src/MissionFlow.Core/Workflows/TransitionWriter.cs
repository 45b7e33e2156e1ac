using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// Writes one fire's rows (the instance guarded by its revision, the journal line, the timers cancelled and set,
/// the recommendation's mirror) as at most five plain commands on the context's connection and transaction. This
/// is the engine's hot path, where SaveChanges spends several times the database's own work (docs/adr/0004).
/// Tables, columns and value conversions come from the EF model, so these rows read back through EF exactly as
/// EF would have written them.
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
        RecommendationMirror? mirror, CancellationToken ct)
    {
        var sql = Statements.For(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        await using (var update = sql.UpdateInstance.Command(connection, transaction))
        {
            sql.UpdateInstance.Bind(update, instance);
            if (await update.ExecuteNonQueryAsync(ct) != 1)
                return null;
        }

        long journalId;
        await using (var insert = sql.InsertJournal.Command(connection, transaction))
        {
            sql.InsertJournal.Bind(insert, entry);
            journalId = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        if (cancel.Count > 0)
        {
            await using var command = sql.CancelTimers.Command(connection, transaction, cancel.Count);
            sql.CancelTimers.Bind(command, new TimersCancelled(instance.Id));
            sql.CancelTimers.BindList(command, cancel);
            await command.ExecuteNonQueryAsync(ct);
        }

        if (timers.Count > 0)
        {
            await using var command = sql.InsertTimers.Command(connection, transaction, timers.Count);
            for (var row = 0; row < timers.Count; row++)
                sql.InsertTimers.Bind(command, timers[row], row);
            await command.ExecuteNonQueryAsync(ct);
        }

        if (mirror is not null)
        {
            await using var command = sql.UpdateMirror.Command(connection, transaction);
            sql.UpdateMirror.Bind(command, mirror);
            if (await command.ExecuteNonQueryAsync(ct) != 1)
                throw new InvalidOperationException($"Recommendation {mirror.Id} is not stored; its follow-up cannot move.");
        }
        return journalId;
    }
}
