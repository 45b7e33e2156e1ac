using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Bench;

/// <summary>
/// The <c>mail</c> command: the app's real delivery (<see cref="OutboxDelivery"/>: outbox rows on SQLite, one
/// MailKit connection per run of <c>--batch</c> recipients, each email marked sent as it goes) against the same
/// messages sent with one MailKit connection each (connect, send, disconnect), to SMTP servers listening on
/// loopback in this process. The headline relay is a council's: STARTTLS and AUTH, where a connection costs a
/// TLS handshake and a login; a plain relay is measured beside it. Rounds repeat the sides; medians are reported.
/// </summary>
public static class MailBenchmark
{
    public const double RatioTarget = 5;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the command; 0 unless a server did not receive every message exactly once (a missed target still gives 0).</summary>
    public static async Task<int> RunAsync(MailOptions options, TextWriter o)
    {
        var progress = Console.Error;
        await using var database = SweepDatabase.Create(DatabaseProvider.Sqlite, options.Keep);
        var clock = new BenchClock(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        await using var secure = new MailLane(MailRelay.Secure(options.Nagle), database, clock, options.Batch);
        await using var plain = new MailLane(MailRelay.Plain(options.Nagle), database, clock, options.Batch);
        MailLane[] lanes = [secure, plain];
        var problems = new List<string>();
        await using (var scope = secure.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>().Database.MigrateAsync();
        progress.WriteLine($"mail benchmark: SMTP servers on 127.0.0.1:{secure.Relay.Server.Port} ({secure.Relay.Name}) and :{plain.Relay.Server.Port} ({plain.Relay.Name}), " +
                           $"outbox on {database.Description}");

        async Task RoundAsync(string round)
        {
            foreach (var lane in lanes)
            {
                await lane.RunRoundAsync(round, options.Messages, problems);
                var r = lane.Rounds[^1];
                progress.WriteLine($"  {round}, {lane.Relay.Name}: app {BenchReport.Rate(r.App)} /s, MailKit batch {BenchReport.Rate(r.MailKit)} /s, per message {BenchReport.Rate(r.Each)} /s");
            }
        }

        // Untimed rounds of every side first: tiered JIT takes a few seconds of calls before EF Core's and MailKit's
        // paths run fully optimised, as they do in a server that has been up a while. With 60 messages of warm-up the
        // app's first rounds ran 2-3x slower than its fourth.
        for (var round = 1; round <= options.Warmup; round++)
            await RoundAsync($"warm-up {round}");
        foreach (var lane in lanes)
            lane.ClearFigures();
        for (var round = 1; round <= options.Rounds; round++)
            await RoundAsync($"round {round}");

        o.WriteLine($"email delivery to SMTP servers on loopback (SmtpServer {typeof(SmtpServer.SmtpServer).Assembly.GetName().Version?.ToString(3)} in-process, 127.0.0.1, " +
                    $"{(options.Nagle ? "Nagle on: the package's own listener" : "TCP_NODELAY on accepted sockets")}), {options.Messages} messages a side, " +
                    $"{options.Batch} per connection, median of {options.Rounds} rounds after {options.Warmup} untimed");
        o.WriteLine("  relay                      app batch   MailKit batch   per message   app/per-message   MailKit batch/per-message");
        foreach (var lane in lanes)
        {
            var (app, mailKit, each) = Medians(lane);
            o.WriteLine($"  {(lane == secure ? lane.Relay.Name + " (headline)" : lane.Relay.Name + " (no TLS, no AUTH)"),-25} {BenchReport.Rate(app),7} /s     {BenchReport.Rate(mailKit),7} /s    {BenchReport.Rate(each),7} /s" +
                        $"   {Times(app / each),13}   {Times(mailKit / each),16}");
        }
        var headline = Medians(secure);
        var ratio = headline.App / headline.Each;
        o.WriteLine($"  {(ratio >= RatioTarget ? "PASS" : "FAIL")}  app batch delivery >= {RatioTarget.ToString("0", Invariant)}x the one-connection-per-message rate, " +
                    $"against the {secure.Relay.Name} relay: {Times(ratio)} (plain relay: {Times(Medians(plain).App / Medians(plain).Each)})");
        o.WriteLine();
        o.WriteLine($"  app batch: OutboxDelivery.RunAsync, one connection per {options.Batch} recipients, rows read from SQLite, each email built, sent and marked sent");
        o.WriteLine($"  MailKit batch: the same messages prebuilt, MailKit alone, one connection per {options.Batch} (connection reuse without the outbox)");
        o.WriteLine("  per message: the same prebuilt messages, one MailKit connection each: connect, [STARTTLS, AUTH,] send, QUIT");
        o.WriteLine($"  {secure.Relay.Name}: self-signed RSA 2048 certificate made at start ({secure.Relay.Tls}), pinned by its SHA-256 on every side " +
                    "(the app through Smtp:TrustedCertificateSha256), then AUTH; every side connects the same way");
        foreach (var lane in lanes)
        {
            o.WriteLine($"  per round, {lane.Relay.Name} (app/MailKit batch/per message): " +
                        string.Join("  ", lane.Rounds.Select(r => $"{BenchReport.Rate(r.App)}/{BenchReport.Rate(r.MailKit)}/{BenchReport.Rate(r.Each)}")));
            var emails = options.Messages * options.Rounds;
            var sql = lane.Timer.Total;
            o.WriteLine($"  where the app's time went, {lane.Relay.Name} (SQLite's profile hook, all rounds): {PerEmail(lane.AppTime, emails)} ms per email, " +
                        $"of which SQL {PerEmail(sql, emails)} ms ({(100 * sql / lane.AppTime).ToString("0", Invariant)}%), the rest (building, SMTP, EF, ADO.NET) {PerEmail(lane.AppTime - sql, emails)} ms");
            foreach (var (text, (count, ticks)) in lane.Timer.ByText.OrderByDescending(kv => kv.Value.Ticks).Take(3))
                o.WriteLine($"    {Stopwatch.GetElapsedTime(0, ticks).TotalSeconds.ToString("0.000", Invariant),7} s {count,6} × {text}");
        }
        o.WriteLine($"  checks: {(problems.Count == 0 ? "OK" : "FAILED — " + string.Join("; ", problems))} — each round, on each relay, the server received each of the " +
                    $"{options.Messages} Message-IDs exactly once per side, over {secure.AppSessions} connections (app, MailKit batch) and {options.Messages} (per message); " +
                    "every outbox row Sent");
        o.WriteLine($"  messages: one reminder per recipient (distinct addresses, so one row is one email), Vietnamese HTML + text, an .ics attachment; " +
                    $"about {(await MailWorkload.SizeAsync(secure.Services, secure.Notifications, clock)).ToString("0.0", Invariant)} KB each");
        return problems.Count == 0 ? 0 : 1;
    }

    private static (double App, double MailKit, double Each) Medians(MailLane lane) =>
        (Median(lane.Rounds.Select(r => r.App)), Median(lane.Rounds.Select(r => r.MailKit)), Median(lane.Rounds.Select(r => r.Each)));

    private static string Times(double ratio) => ratio.ToString("0.0", Invariant) + "x";

    private static string PerEmail(TimeSpan time, int emails) => (time.TotalMilliseconds / emails).ToString("0.00", Invariant);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
