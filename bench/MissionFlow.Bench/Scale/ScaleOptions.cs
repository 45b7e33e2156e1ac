using MissionFlow.Core.Persistence;

namespace MissionFlow.Bench.Scale;

/// <summary>Options of the <c>scale</c> command.</summary>
public sealed record ScaleOptions(int Stored, int Clients, int Requests, DatabaseProvider Provider, bool Keep, string? Reuse = null)
{
    /// <summary>Recommendations per mission: one conclusion issued at a time, as a committee issues one.</summary>
    public const int PerMission = 1000;

    public static ScaleOptions Parse(string[] args)
    {
        var options = new ScaleOptions(Stored: 100_000, Clients: 50, Requests: 10, Provider: DatabaseProvider.Sqlite, Keep: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--n" => options with { Stored = SweepOptions.Positive(args, ++i) },
                "--clients" => options with { Clients = SweepOptions.Positive(args, ++i) },
                "--requests" => options with { Requests = SweepOptions.Positive(args, ++i) },
                "--provider" => options with { Provider = SweepOptions.ProviderOf(args, ++i) },
                "--keep" => options with { Keep = true },
                "--reuse" => options with { Reuse = ReuseKey(args, ++i) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        if (options.Stored % PerMission != 0 || options.Stored < 2 * PerMission)
            throw new ArgumentException($"--n is a multiple of {PerMission} of at least {2 * PerMission} (missions of {PerMission} recommendations, measured at the first and at N)");
        return options;
    }

    public int Missions => Stored / PerMission;

    private static string ReuseKey(string[] args, int i) =>
        i < args.Length && args[i].Length is > 0 and <= 20 && args[i].All(char.IsAsciiLetterOrDigit)
            ? args[i].ToLowerInvariant()
            : throw new ArgumentException("--reuse takes a key of up to 20 letters and digits, naming the database kept between runs");
}
