using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MissionFlow.Bench;

/// <summary>
/// Writes the rows the engine wrote, with plain ADO.NET: one open connection with the app's PRAGMAs, four
/// prepared commands, one transaction per transition. It replays recorded transitions, so it decides nothing:
/// it is the floor of what persisting a transition costs on this schema.
/// </summary>
public sealed class AdoNetBaseline : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _updateInstance;
    private readonly SqliteCommand _insertJournal;
    private readonly SqliteCommand _cancelTimers;
    private readonly SqliteCommand _insertTimer;

    public AdoNetBaseline(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            // The same as the app's SqliteWalInterceptor.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
            pragmas.ExecuteNonQuery();
        }

        _updateInstance = Prepare("""
            UPDATE "WorkflowInstances" SET "State" = @state, "DataJson" = @data, "Revision" = @revision, "UpdatedAt" = @updatedAt
            WHERE "Id" = @id AND "Revision" = @expectedRevision
            """, "@state", "@data", "@revision", "@updatedAt", "@id", "@expectedRevision");
        _insertJournal = Prepare("""
            INSERT INTO "WorkflowJournal" ("InstanceId", "At", "Actor", "Trigger", "FromState", "ToState", "Comment", "InputJson", "Imported")
            VALUES (@id, @at, @actor, @trigger, @from, @to, @comment, @input, 0)
            """, "@id", "@at", "@actor", "@trigger", "@from", "@to", "@comment", "@input");
        _cancelTimers = Prepare("""
            UPDATE "WorkflowTimers" SET "Status" = 'Cancelled'
            WHERE "InstanceId" = @id AND "Status" = 'Pending' AND "TimerId" IN (SELECT value FROM json_each(@timerIds))
            """, "@id", "@timerIds");
        _insertTimer = Prepare("""
            INSERT INTO "WorkflowTimers" ("InstanceId", "TimerId", "DueAt", "Kind", "Level", "Status", "FiredAt")
            VALUES (@id, @timerId, @dueAt, @kind, @level, @status, NULL)
            """, "@id", "@timerId", "@dueAt", "@kind", "@level", "@status");
    }

    /// <summary>Writes <paramref name="transitions"/> in order, one transaction each; returns the time it took.</summary>
    public TimeSpan Replay(IReadOnlyList<RecordedTransition> transitions)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var t in transitions)
        {
            using var transaction = _connection.BeginTransaction();
            Set(_updateInstance, transaction, t.State, t.DataJson, t.Revision, t.UpdatedAt, t.InstanceId, t.Revision - 1);
            if (_updateInstance.ExecuteNonQuery() != 1)
                throw new InvalidOperationException($"Baseline: instance {t.InstanceId} is not at revision {t.Revision - 1}.");

            var j = t.Journal;
            Set(_insertJournal, transaction, t.InstanceId, j.At, j.Actor, j.Trigger, j.FromState, j.ToState, j.Comment, j.InputJson);
            _insertJournal.ExecuteNonQuery();

            if (t.CancelledTimerIdsJson is not null)
            {
                Set(_cancelTimers, transaction, t.InstanceId, t.CancelledTimerIdsJson);
                if (_cancelTimers.ExecuteNonQuery() != t.CancelledTimers)
                    throw new InvalidOperationException($"Baseline: instance {t.InstanceId} did not have the {t.CancelledTimers} pending timers the engine cancelled.");
            }
            foreach (var timer in t.SetTimers)
            {
                Set(_insertTimer, transaction, t.InstanceId, timer.TimerId, timer.DueAt, timer.Kind, timer.Level, timer.Status);
                _insertTimer.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        return stopwatch.Elapsed;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public void Dispose()
    {
        _updateInstance.Dispose();
        _insertJournal.Dispose();
        _cancelTimers.Dispose();
        _insertTimer.Dispose();
        _connection.Dispose();
    }
}
