using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace MissionFlow.Bench;

/// <summary>
/// Counts what SQLite itself is asked to run, whoever sends it (EF Core's queries, the transition writer's plain
/// commands, BEGIN and COMMIT): SQLite's own trace hook on each connection opened, and the opens themselves.
/// Used only in the untimed profile pass.
/// </summary>
public sealed partial class CommandCounter
{
    public int Statements { get; private set; }
    public int Selects { get; private set; }
    public int Updates { get; private set; }
    public int Inserts { get; private set; }
    public int ConnectionOpens { get; private set; }
    public int Transactions { get; private set; }
    public Dictionary<string, int> ByText { get; } = [];

    public IInterceptor[] Interceptors => [new SqliteOpened(Opened)];

    public void Reset()
    {
        Statements = Selects = Updates = Inserts = ConnectionOpens = Transactions = 0;
        ByText.Clear();
    }

    private void Saw(string statement)
    {
        Statements++;
        Selects += SelectRegex().Count(statement);
        Updates += UpdateRegex().Count(statement);
        Inserts += InsertRegex().Count(statement);
        Transactions += BeginRegex().Count(statement);
        // The hook shows values bound in place: the text up to the first literal names the statement.
        var key = Regex.Replace(statement, @"\s+", " ").Trim();
        var literal = key.IndexOf('\'');
        key = literal > 0 ? key[..literal] + "…" : key;
        key = key.Length > 110 ? key[..110] + "…" : key;
        ByText[key] = ByText.GetValueOrDefault(key) + 1;
    }

    private void Opened(SqliteConnection connection)
    {
        ConnectionOpens++;
        raw.sqlite3_trace(connection.Handle, (_, statement) => Saw(statement.utf8_to_string()), null);
    }

    [GeneratedRegex(@"^\s*SELECT\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelectRegex();

    [GeneratedRegex(@"^\s*UPDATE\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateRegex();

    [GeneratedRegex(@"^\s*INSERT\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsertRegex();

    [GeneratedRegex(@"^\s*BEGIN\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeginRegex();
}
