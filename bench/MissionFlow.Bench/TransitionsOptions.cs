using System.Globalization;

namespace MissionFlow.Bench;

/// <summary>Options of the <c>transitions</c> command.</summary>
public sealed record TransitionsOptions(int Count, int Instances, int Rounds, bool Keep)
{
    public static TransitionsOptions Parse(string[] args)
    {
        var options = new TransitionsOptions(Count: 5000, Instances: 1000, Rounds: 5, Keep: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--count" => options with { Count = Positive(args, ++i) },
                "--instances" => options with { Instances = Positive(args, ++i) },
                "--rounds" => options with { Rounds = Positive(args, ++i) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        return options;
    }

    private static int Positive(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
}
