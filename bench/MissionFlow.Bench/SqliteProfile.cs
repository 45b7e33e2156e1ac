using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace MissionFlow.Bench;

/// <summary>
/// Where time goes inside SQLite: while <see cref="Enabled"/>, SQLite's own profile hook times every statement
/// as it finishes, whoever sent it (EF's queries, the plain commands of the sent mark and the transition writer,
/// BEGIN and COMMIT), grouped by its text as <see cref="CommandTimer"/> groups it.
/// </summary>
public sealed class SqliteProfile
{
    public bool Enabled { get; set; }

    /// <summary>Statement text → how many ran and their time, in Stopwatch ticks.</summary>
    public Dictionary<string, (int Count, long Ticks)> ByText { get; } = [];

    public IInterceptor[] Interceptors => [new SqliteOpened(Hook)];

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, ByText.Values.Sum(v => v.Ticks));

    private void Finished(string statement, long nanoseconds)
    {
        if (!Enabled)
            return;
        var key = CommandTimer.Key(statement);
        var (count, ticks) = ByText.GetValueOrDefault(key);
        ByText[key] = (count + 1, ticks + nanoseconds * Stopwatch.Frequency / 1_000_000_000);
    }

    private void Hook(SqliteConnection connection) =>
        raw.sqlite3_profile(connection.Handle, (_, statement, nanoseconds) => Finished(statement.utf8_to_string(), nanoseconds), null);
}
