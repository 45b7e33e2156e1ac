using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// A compiled query for each EF model it meets. EF binds a compiled query to the first model that runs it, and
/// each provider's context has its own model (SQLite and PostgreSQL meet in one process in the tests).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = new();

    public TQuery For(DbContext db) => _queries.TryGetValue(db.Model, out var query) ? query : _queries.GetValue(db.Model, _ => compile());
}
