using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Core.Idempotency;

/// <summary>
/// Makes a request carrying an Idempotency-Key act once per user and key. The key is claimed by inserting its
/// row before the action runs: of two simultaneous twins, the database lets one insert; the other sees the
/// claim and is told to wait, and any later repeat of the same request gets the stored response. The same key
/// with another request is refused rather than answered with a response to something else.
/// </summary>
public sealed class IdempotencyStore(MissionFlowDbContext db, IdempotencyOptions options, TimeProvider time)
{
    public const int MaxKeyLength = 200;

    public abstract record Claim;
    public sealed record Claimed : Claim;
    public sealed record Completed(int StatusCode, string? Body) : Claim;
    public sealed record InProgress : Claim;
    public sealed record KeyReused : Claim;

    public async Task<Claim> ClaimAsync(string userId, string key, string requestHash, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var expired = now - options.Lifetime;
        // An expired use is forgotten here rather than at the next purge, so the key acts anew at once.
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.CreatedAt < expired).ExecuteDeleteAsync(ct);
        var record = new IdempotencyRecord { UserId = userId, Key = key, RequestHash = requestHash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return new Claimed();
        }
        catch (DbUpdateException)
        {
            db.Entry(record).State = EntityState.Detached;
        }
        var existing = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key, ct);
        if (existing.RequestHash != requestHash)
            return new KeyReused();
        return existing.StatusCode is { } status ? new Completed(status, existing.ResponseBody) : new InProgress();
    }

    public async Task CompleteAsync(string userId, string key, int statusCode, string? body, CancellationToken ct = default) =>
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ResponseBody, body), ct);

    /// <summary>A failed action gives its key back, so the client's retry acts.</summary>
    public async Task ReleaseAsync(string userId, string key) =>
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync();

    /// <summary>Deletes every record older than the lifetime in one statement, without loading any; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct = default)
    {
        var expired = time.GetUtcNow() - options.Lifetime;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(ct);
    }
}
