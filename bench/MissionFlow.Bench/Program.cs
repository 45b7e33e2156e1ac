using MissionFlow.Bench;
using MissionFlow.Bench.Scale;

// MissionFlow benchmarks. Run: dotnet run -c Release --project bench/MissionFlow.Bench -- <command> [options]
const string Usage = """
    usage: MissionFlow.Bench <command> [options]

    commands:
      transitions   engine transitions per second persisted on SQLite (WorkflowService.FireAsync, EF Core),
                    beside a plain ADO.NET baseline writing the same rows
                      --count N       transitions timed per round (default 5000)
                      --instances M   recommendation-followup instances, started untimed (default 1000)
                      --rounds R      timed rounds per side; the median is reported (default 5)
                      --keep          keep the temp folder holding the SQLite files
      sweep         the timer sweep (TimerSweep) on a database holding many timers: a run with nothing due and one
                    firing the due timers, beside plain ADO.NET baselines (an indexed SELECT, an UPDATE of the same rows)
                      --stored N      timer rows stored (default 1000000)
                      --due M         timers due at the measured instant (default 10000)
                      --provider P    sqlite (default, a temp file) or postgresql (a fresh database on the server
                                      in MISSIONFLOW_TEST_POSTGRES, dropped at the end)
                      --runs R        timed empty sweeps; median and max are reported (default 20)
                      --analyze       SQLite: run ANALYZE after the load (the app never does; see README)
                      --keep          keep the database
      mail          email delivery to SMTP servers on loopback in this process, a council's relay (STARTTLS with a
                    self-signed certificate, then AUTH: the headline) and a plain one: the app's OutboxDelivery (one
                    connection per batch) against one MailKit connection per message, same messages
                      --messages N    messages per round and side (default 500)
                      --batch B       recipients per delivery run, i.e. per connection (default 50)
                      --rounds R      rounds, alternating the sides; medians are reported (default 3)
                      --warmup W      untimed rounds first, until tiered JIT has optimised every side (default 3)
                      --nagle         leave Nagle's algorithm on the server's sockets, as the SmtpServer package
                                      does (and the tests' server): every reply then waits ~40 ms for a delayed ACK
                      --keep          keep the temp folder holding the outbox's SQLite file
      scale         MissionFlow.Web started in this process (Kestrel on loopback) on a database loaded through its
                    services with missions of 1,000 recommendations over 20 agencies; the desk, the agency's inbox,
                    the committee's recommendations, the missions page and the paged API under concurrent clients,
                    beside GET /health, at 1,000 stored and at N; then N rows exported to Excel and CSV; peak RSS
                      --n N           recommendations stored at the end, a multiple of 1000 (default 100000)
                      --clients C     concurrent clients (default 50)
                      --requests R    timed requests per client and route (default 10)
                      --provider P    sqlite (default, a temp file) or postgresql (a fresh database on the server
                                      in MISSIONFLOW_BENCH_POSTGRES or MISSIONFLOW_TEST_POSTGRES, dropped at the end)
                      --keep          keep the database
                      --reuse KEY     keep the database at N under KEY (temp folder missionflow-bench-KEY, or the
                                      PostgreSQL database missionflow_bench_KEY) and load only what it lacks, so a
                                      second run measures without loading again (the 1,000 side is always fresh)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    switch (args[0])
    {
        case "transitions":
            var options = TransitionsOptions.Parse(args[1..]);
            return await TransitionsBenchmark.RunAsync(options, Console.Out);
        case "sweep":
            return await SweepBenchmark.RunAsync(SweepOptions.Parse(args[1..]), Console.Out);
        case "mail":
            return await MailBenchmark.RunAsync(MailOptions.Parse(args[1..]), Console.Out);
        case "scale":
            return await ScaleBenchmark.RunAsync(ScaleOptions.Parse(args[1..]), Console.Out);
        default:
            Console.Error.WriteLine($"unknown command '{args[0]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
