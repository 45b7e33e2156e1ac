using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Notifications;

namespace MissionFlow.Bench;

/// <summary>One round's rates against one relay, messages per second.</summary>
public sealed record MailRound(double App, double MailKit, double Each);

/// <summary>
/// The three sides of the <c>mail</c> command against one <see cref="MailRelay"/>: the app's delivery (its own
/// services and outbox rows), MailKit alone over one connection per batch, and one MailKit connection per message.
/// Each timed side is checked: every Message-ID received once, over the expected number of connections.
/// </summary>
public sealed class MailLane : IAsyncDisposable
{
    private readonly BenchClock _clock;
    private readonly int _batch;

    public MailLane(MailRelay relay, SweepDatabase database, BenchClock clock, int batch)
    {
        Relay = relay;
        _clock = clock;
        _batch = batch;
        Notifications = new NotificationOptions { PublicBaseUrl = "https://hdnd.test", DeliveryBatchSize = batch, Smtp = relay.Smtp };
        Services = database.Services(clock, Notifications, Timer.Interceptors);
    }

    public MailRelay Relay { get; }
    public NotificationOptions Notifications { get; }
    public ServiceProvider Services { get; }

    /// <summary>The app's SQL while its side is timed.</summary>
    public SqliteProfile Timer { get; } = new();

    public List<MailRound> Rounds { get; } = [];
    public TimeSpan AppTime { get; private set; }
    public int AppSessions { get; private set; }

    /// <summary>Forgets the rounds run so far: the warm-up's are checked like any other, but not reported.</summary>
    public void ClearFigures()
    {
        Rounds.Clear();
        AppTime = TimeSpan.Zero;
        Timer.ByText.Clear();
    }

    /// <param name="round">Names the round in problems ("round 2") and, without spaces, in its rows' addresses.</param>
    public async Task RunRoundAsync(string round, int count, List<string> problems)
    {
        var ids = await MailWorkload.QueueAsync(Services, _clock, $"{Relay.Tag}-{round.Replace(" ", "")}", count);
        var expected = (await MailWorkload.MessagesAsync(Services, Notifications, _clock, ids)).Select(m => m.MessageId!).ToList();
        var batches = (count + _batch - 1) / _batch;
        var side = $"{Relay.Name}, {round}";

        Relay.Server.Reset();
        Settle();
        Timer.Enabled = true;
        var watch = Stopwatch.StartNew();
        var (emails, runs) = await DeliverAllAsync();
        var appTime = watch.Elapsed;
        Timer.Enabled = false;
        AppTime += appTime;
        AppSessions = Relay.Server.Sessions;
        Verify(problems, $"{side}, app", expected, batches);
        if (emails != count)
            problems.Add($"{side}: delivery reported {emails} emails in {runs} runs, not {count}");
        var sent = await MailWorkload.CountSentAsync(Services, ids);
        if (sent != count)
            problems.Add($"{side}: {sent} outbox rows marked Sent, not {count}");

        // The same messages, built untimed from the same rows: first MailKit alone over one connection per batch
        // (what connection reuse gives without the outbox's reads and writes), then one connection each.
        var messages = await MailWorkload.MessagesAsync(Services, Notifications, _clock, ids);
        Relay.Server.Reset();
        Settle();
        watch.Restart();
        foreach (var chunk in messages.Chunk(_batch))
            await SendOverOneAsync(chunk);
        var mailKitTime = watch.Elapsed;
        Verify(problems, $"{side}, MailKit batch", expected, batches);

        Relay.Server.Reset();
        Settle();
        watch.Restart();
        await SendEachAsync(messages);
        var eachTime = watch.Elapsed;
        Verify(problems, $"{side}, per message", expected, count);

        Rounds.Add(new MailRound(count / appTime.TotalSeconds, count / mailKitTime.TotalSeconds, count / eachTime.TotalSeconds));
    }

    private void Verify(List<string> problems, string side, List<string> expected, int expectedSessions)
    {
        var got = Relay.Server.MessageIds.ToList();
        if (got.Count != expected.Count)
            problems.Add($"{side}: server received {got.Count} messages, not {expected.Count}");
        if (got.Distinct().Count() != got.Count)
            problems.Add($"{side}: a Message-ID arrived twice");
        if (!got.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            problems.Add($"{side}: the Message-IDs received are not the ones queued");
        if (Relay.Server.Sessions != expectedSessions)
            problems.Add($"{side}: {Relay.Server.Sessions} connections, expected {expectedSessions}");
    }

    /// <summary>Delivery runs as the Hangfire job calls them, a scope each, until one sends nothing.</summary>
    private async Task<(int Emails, int Runs)> DeliverAllAsync()
    {
        int emails = 0, runs = 0;
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync();
            if (result.Emails == 0 && result.Retrying == 0)
                return (emails, runs);
            if (result.Retrying + result.Failed > 0)
                throw new InvalidOperationException($"Delivery to the {Relay.Name} relay did not send everything: {result}");
            emails += result.Emails;
            runs++;
        }
    }

    private async Task SendOverOneAsync(IEnumerable<MimeMessage> messages)
    {
        using var client = await Relay.ConnectAsync();
        foreach (var message in messages)
            await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    private async Task SendEachAsync(List<MimeMessage> messages)
    {
        foreach (var message in messages)
        {
            using var client = await Relay.ConnectAsync();
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Relay.DisposeAsync();
    }
}
