namespace MissionFlow.Bench;

/// <summary>Options of the <c>mail</c> command.</summary>
public sealed record MailOptions(int Messages, int Batch, int Rounds, int Warmup, bool Nagle, bool Keep)
{
    public static MailOptions Parse(string[] args)
    {
        var options = new MailOptions(Messages: 500, Batch: 50, Rounds: 3, Warmup: 3, Nagle: false, Keep: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--messages" => options with { Messages = SweepOptions.Positive(args, ++i) },
                "--batch" => options with { Batch = SweepOptions.Positive(args, ++i) },
                "--rounds" => options with { Rounds = SweepOptions.Positive(args, ++i) },
                "--warmup" => options with { Warmup = SweepOptions.Positive(args, ++i) },
                "--nagle" => options with { Nagle = true },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        return options;
    }
}
