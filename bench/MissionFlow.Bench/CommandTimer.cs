using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionFlow.Bench;

/// <summary>
/// Where a sweep's time goes in SQL: while <see cref="Enabled"/>, each command EF Core sends is timed from
/// execution to the disposal of its reader (so reading the rows counts), grouped by its text with parameter
/// lists folded; commits and begins too. A Stopwatch read and a dictionary update per command: its own cost is
/// microseconds against milliseconds.
/// </summary>
public sealed partial class CommandTimer
{
    private readonly Dictionary<DbCommand, long> _started = [];

    public bool Enabled { get; set; }
    public Dictionary<string, (int Count, long Ticks)> ByText { get; } = [];
    public IInterceptor[] Interceptors => [new Commands(this), new Transactions(this)];

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, ByText.Values.Sum(v => v.Ticks));

    private void Start(DbCommand command)
    {
        if (Enabled)
            _started[command] = Stopwatch.GetTimestamp();
    }

    private void Stop(DbCommand command)
    {
        if (_started.Remove(command, out var start))
            Add(Key(command.CommandText), Stopwatch.GetTimestamp() - start);
    }

    private void Add(string key, long ticks)
    {
        var (count, total) = ByText.GetValueOrDefault(key);
        ByText[key] = (count + 1, total + ticks);
    }

    internal static string Key(string sql)
    {
        var key = Whitespace().Replace(sql, " ").Trim();
        key = ParameterList().Replace(key, "@…");
        return key.Length > 150 ? key[..150] + "…" : key;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[@$]\w+(\s*,\s*[@$]\w+)*")]
    private static partial Regex ParameterList();

    private sealed class Commands(CommandTimer timer) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            timer.Start(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            timer.Stop(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            timer.Start(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            timer.Stop(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            timer.Start(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
            CancellationToken cancellationToken = default)
        {
            timer.Stop(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Transactions(CommandTimer timer) : DbTransactionInterceptor
    {
        private long _began;
        private long _committing;

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            _began = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            if (timer.Enabled)
                timer.Add("BEGIN (transaction start)", Stopwatch.GetTimestamp() - _began);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            _committing = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (timer.Enabled)
                timer.Add("COMMIT", Stopwatch.GetTimestamp() - _committing);
            return Task.CompletedTask;
        }
    }
}
