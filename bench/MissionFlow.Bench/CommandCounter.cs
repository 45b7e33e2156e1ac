using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionFlow.Bench;

/// <summary>
/// Counts what EF Core sends to SQLite: commands (a SaveChanges batch is one command holding several
/// statements), the statements by kind, connection opens and transactions.
/// Used only in the untimed profile pass.
/// </summary>
public sealed partial class CommandCounter
{
    public int Commands { get; private set; }
    public int Selects { get; private set; }
    public int Updates { get; private set; }
    public int Inserts { get; private set; }
    public int ConnectionOpens { get; private set; }
    public int Transactions { get; private set; }
    public Dictionary<string, int> ByText { get; } = [];

    public IInterceptor[] Interceptors => [new CommandsSeen(this), new ConnectionsSeen(this), new TransactionsSeen(this)];

    public void Reset()
    {
        Commands = Selects = Updates = Inserts = ConnectionOpens = Transactions = 0;
        ByText.Clear();
    }

    private void Saw(DbCommand command)
    {
        Commands++;
        var text = command.CommandText;
        Selects += SelectRegex().Count(text);
        Updates += UpdateRegex().Count(text);
        Inserts += InsertRegex().Count(text);
        var key = Regex.Replace(text, @"\s+", " ").Trim();
        key = key.Length > 110 ? key[..110] + "…" : key;
        ByText[key] = ByText.GetValueOrDefault(key) + 1;
    }

    [GeneratedRegex(@"^\s*SELECT\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectRegex();

    [GeneratedRegex(@"^\s*UPDATE\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex UpdateRegex();

    [GeneratedRegex(@"^\s*INSERT\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex InsertRegex();

    private sealed class CommandsSeen(CommandCounter counter) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            counter.Saw(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            counter.Saw(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            counter.Saw(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            counter.Saw(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class ConnectionsSeen(CommandCounter counter) : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            counter.ConnectionOpens++;
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => counter.ConnectionOpens++;
    }

    private sealed class TransactionsSeen(CommandCounter counter) : DbTransactionInterceptor
    {
        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            counter.Transactions++;
            return ValueTask.FromResult(result);
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            counter.Transactions++;
            return result;
        }
    }
}
