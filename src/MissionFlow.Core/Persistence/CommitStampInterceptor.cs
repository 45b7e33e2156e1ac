using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// Moves the <see cref="CommitStamp"/> after every committed transaction (a transition's statements, a unit of
/// work in an explicit transaction) and after every SaveChanges (EF sends a single statement without one).
/// Moving it more often than the figures change only costs a recomputation.
/// </summary>
internal sealed class CommitStampInterceptor(CommitStamp stamp) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        stamp.Move();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        stamp.Move();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => stamp.Move();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        stamp.Move();
        return Task.CompletedTask;
    }
}
