using Microsoft.Extensions.Caching.Memory;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// Figures computed from the database (the desk's, a list's counts), kept until a write commits in this process
/// (<see cref="CommitStamp"/>) or <see cref="MaxAge"/> passes, since another node's writes do not move this
/// process's stamp. At 100,000 recommendations a count is a scan of an index; a page viewed by fifty people should
/// not repeat it fifty times. Readers arriving together share one computation.
/// </summary>
public sealed class StampedCache(CommitStamp stamp) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>
    /// The figure for <paramref name="key"/> (a value with equality: a record or a tuple, the date it depends on
    /// included), computed once per stamp. The computation is not cancelled with one reader's request, as others
    /// may be waiting for it.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> compute)
    {
        // The stamp is read before computing: a write committing meanwhile leaves the entry stale, never falsely fresh.
        var stamped = (key, stamp.Current);
        var entry = _entries.GetOrCreate(stamped, e =>
        {
            e.Size = 1;
            e.AbsoluteExpirationRelativeToNow = MaxAge;
            return new Lazy<Task<T>>(() => compute(CancellationToken.None));
        })!;
        try
        {
            return await entry.Value;
        }
        catch
        {
            _entries.Remove(stamped);
            throw;
        }
    }

    public void Dispose() => _entries.Dispose();
}
