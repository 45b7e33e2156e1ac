using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace MissionFlow.Core.Persistence;

/// <summary>How one parameter is made: the property's type mapping, and whether it may be null.</summary>
internal sealed record SqlParameterSlot(RelationalTypeMapping Mapping, bool Nullable);

/// <summary>
/// A statement whose text depends on a count (rows of VALUES, or items of an IN list); the text for each count is
/// made once, and so is each parameter name. Parameters are named by row and column, so a multi-row INSERT binds row after row.
/// </summary>
internal sealed class SqlStatement(ISqlGenerationHelper sql, SqlParameterSlot[] row, Func<SqlStatement, int, string> text, SqlParameterSlot? listItem = null)
{
    private readonly ConcurrentDictionary<int, string> _texts = new();
    private readonly ConcurrentDictionary<int, string[]> _names = new();
    private readonly ConcurrentDictionary<int, string> _listNames = new();

    public DbCommand Command(DbConnection connection, DbTransaction? transaction, int count = 1)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _texts.GetOrAdd(count, n => text(this, n));
        return command;
    }

    /// <summary>Adds row <paramref name="rowIndex"/>'s parameters, one value per column in order.</summary>
    public void Bind(DbCommand command, int rowIndex, params object?[] values)
    {
        var names = _names.GetOrAdd(rowIndex, r => Enumerable.Range(0, row.Length).Select(c => sql.GenerateParameterName(Name(r, c))).ToArray());
        for (var c = 0; c < row.Length; c++)
            command.Parameters.Add(row[c].Mapping.CreateParameter(command, names[c], values[c], row[c].Nullable));
    }

    public void BindListItem(DbCommand command, int index, object? value) =>
        command.Parameters.Add(listItem!.Mapping.CreateParameter(command, _listNames.GetOrAdd(index, i => sql.GenerateParameterName($"l{i}")), value, listItem.Nullable));

    public string Placeholder(int rowIndex, int column) => sql.GenerateParameterNamePlaceholder(Name(rowIndex, column));

    /// <summary>"(…, …)" for an IN list of <paramref name="count"/> items.</summary>
    public string List(int count) => "(" + string.Join(", ", Enumerable.Range(0, count).Select(i => sql.GenerateParameterNamePlaceholder($"l{i}"))) + ")";

    /// <summary>"VALUES (…), (…)" for <paramref name="rows"/> rows.</summary>
    public string Values(int rows)
    {
        var text = new StringBuilder("VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            text.AppendJoin(", ", Enumerable.Range(0, row.Length).Select(c => Placeholder(r, c)));
            text.Append(')');
        }
        return text.ToString();
    }

    private static string Name(int rowIndex, int column) => $"p{rowIndex}_{column}";
}
