using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Desk;

/// <summary>
/// The desk's figures as last computed, served until a write commits (<see cref="CommitStamp"/>), the council's
/// date turns, or <see cref="MaxAge"/> passes (another node's writes do not move this process's stamp). Fifty
/// readers arriving after a change wait for one computation instead of running fifty: at 100,000 recommendations a
/// computation is a few grouped scans, which a desk per click per reader would repeat for nothing.
/// </summary>
public sealed class DeskCache(CommitStamp stamp, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Entry(long Stamp, DateOnly Today, DateTimeOffset At, DeskFigures Figures);

    private readonly SemaphoreSlim _computing = new(1, 1);
    private Entry? _entry;

    public async Task<DeskFigures> GetAsync(DateOnly today, Func<CancellationToken, Task<DeskFigures>> compute, CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _entry), today) is { } figures)
            return figures;
        await _computing.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _entry), today) is { } computed)
                return computed;
            // Read before computing: a write committing meanwhile leaves the entry already stale, never falsely fresh.
            var seen = stamp.Current;
            var at = time.GetUtcNow();
            var entry = new Entry(seen, today, at, await compute(ct));
            Volatile.Write(ref _entry, entry);
            return entry.Figures;
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose() => _computing.Dispose();

    private DeskFigures? Fresh(Entry? entry, DateOnly today) =>
        entry is not null && entry.Stamp == stamp.Current && entry.Today == today && time.GetUtcNow() - entry.At < MaxAge ? entry.Figures : null;
}
