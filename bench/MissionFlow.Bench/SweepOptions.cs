using System.Globalization;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Bench;

/// <summary>Options of the <c>sweep</c> command.</summary>
public sealed record SweepOptions(int Stored, int Due, DatabaseProvider Provider, int Runs, bool Analyze, bool Keep)
{
    public const string PostgresVariable = "MISSIONFLOW_TEST_POSTGRES";

    /// <summary>A server for the benchmarks only, taken before the tests' one when set.</summary>
    public const string BenchPostgresVariable = "MISSIONFLOW_BENCH_POSTGRES";

    public static SweepOptions Parse(string[] args)
    {
        var options = new SweepOptions(Stored: 1_000_000, Due: 10_000, Provider: DatabaseProvider.Sqlite, Runs: 20, Analyze: false, Keep: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--stored" => options with { Stored = Positive(args, ++i) },
                "--due" => options with { Due = Positive(args, ++i) },
                "--runs" => options with { Runs = Positive(args, ++i) },
                "--provider" => options with { Provider = ProviderOf(args, ++i) },
                "--analyze" => options with { Analyze = true },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        return options;
    }

    internal static DatabaseProvider ProviderOf(string[] args, int i) =>
        i < args.Length ? args[i].ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" => DatabaseProvider.PostgreSql,
            _ => throw new ArgumentException($"--provider is sqlite or postgresql, not '{args[i]}'"),
        } : throw new ArgumentException("--provider needs sqlite or postgresql");

    internal static int Positive(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
}
