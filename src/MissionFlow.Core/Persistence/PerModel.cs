using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// One <typeparamref name="T"/> for each EF model it meets, made on first use: a compiled query (EF binds one to
/// the first model that runs it) or statements written from the model's mapping. Each provider's context has
/// its own model, and SQLite and PostgreSQL meet in one process in the tests.
/// </summary>
internal sealed class PerModel<T>(Func<DbContext, T> make) where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _made = new();

    public T For(DbContext db) => _made.TryGetValue(db.Model, out var made) ? made : _made.GetValue(db.Model, _ => make(db));
}
