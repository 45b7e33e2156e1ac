using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace MissionFlow.Core.Persistence;

/// <summary>How one parameter is made: the property's type mapping, and whether it may be null.</summary>
internal sealed record SqlParameterSlot(RelationalTypeMapping Mapping, bool Nullable);

/// <summary>
/// Names the mapped property a row record's property stands for when the names differ: the revision a guarded
/// UPDATE expects is the <c>Revision</c> column, as is the one it writes.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ColumnOfAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

/// <summary>
/// A statement bound by name to the row record <typeparamref name="TRow"/>: each of its properties is one
/// parameter, named after it and made by the type mapping of the mapped property of the same name (or the one
/// <see cref="ColumnOfAttribute"/> names), value converter included. The text asks for a parameter by the record's
/// property name, so a value cannot land in another column's place; an INSERT's columns and VALUES are both read
/// from the record, in one order. Text whose count varies (rows of VALUES, items of an IN list) is made once per count.
/// </summary>
internal sealed class SqlStatement<TRow> where TRow : notnull
{
    private readonly ISqlGenerationHelper _sql;
    private readonly MappedTable _table;
    private readonly Field[] _fields;
    private readonly Func<SqlStatement<TRow>, int, string> _text;
    private readonly SqlParameterSlot? _listItem;
    private readonly ConcurrentDictionary<int, string> _texts = new();
    private readonly ConcurrentDictionary<int, string[]> _names = new();
    private readonly ConcurrentDictionary<int, string> _listNames = new();

    /// <param name="table">The table the record's properties map to.</param>
    /// <param name="text">The statement for a count (rows, or list items), from this statement's placeholders.</param>
    /// <param name="listProperty">The mapped property an IN list's items are values of, if the text has one.</param>
    /// <param name="exclude">Properties of an entity row left out (its generated key).</param>
    public SqlStatement(MappedTable table, Func<SqlStatement<TRow>, int, string> text, string? listProperty = null, params string[] exclude)
    {
        _sql = table.Sql;
        _table = table;
        _text = text;
        _fields = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !exclude.Contains(p.Name))
            .Select(p => (Property: p, Column: p.GetCustomAttribute<ColumnOfAttribute>()?.Property ?? p.Name))
            // An entity used as its own row skips what is not a column (navigations); a row record may not.
            .Where(p => typeof(TRow) != table.ClrType || table.Maps(p.Column))
            .Select(p => new Field(p.Property.Name, p.Column, table.Column(p.Column), Getter(p.Property)))
            .ToArray();
        _listItem = listProperty is null ? null : table.Column(listProperty);
    }

    /// <summary>The placeholder of <paramref name="property"/> of the record (of its first row).</summary>
    public string this[string property] => Placeholder(property, 0);

    public string Placeholder(string property, int row) =>
        _sql.GenerateParameterNamePlaceholder(Name(Array.FindIndex(_fields, f => f.Name == property) is var i and >= 0
            ? i : throw new InvalidOperationException($"{typeof(TRow).Name} has no property {property}."), row));

    /// <summary>The columns of the record's properties, in the order <see cref="Values"/> lists them.</summary>
    public string Columns => string.Join(", ", _fields.Select(f => _table[f.Column]));

    /// <summary>"VALUES (…), (…)" for <paramref name="rows"/> rows of the record.</summary>
    public string Values(int rows)
    {
        var text = new StringBuilder("VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            text.AppendJoin(", ", Enumerable.Range(0, _fields.Length).Select(c => _sql.GenerateParameterNamePlaceholder(Name(c, r))));
            text.Append(')');
        }
        return text.ToString();
    }

    /// <summary>"(…, …)" for an IN list of <paramref name="count"/> items.</summary>
    public string List(int count) => "(" + string.Join(", ", Enumerable.Range(0, count).Select(i => _sql.GenerateParameterNamePlaceholder(ListName(i)))) + ")";

    /// <summary>The text for <paramref name="count"/>; every property of the record must have its place in it.</summary>
    public string Text(int count) => _texts.GetOrAdd(count, n =>
    {
        var text = _text(this, n);
        if (_fields.FirstOrDefault(f => !text.Contains(this[f.Name], StringComparison.Ordinal)) is { } unused)
            throw new InvalidOperationException($"The statement for {typeof(TRow).Name} does not use its property {unused.Name}.");
        return text;
    });

    public DbCommand Command(DbConnection connection, DbTransaction? transaction, int count = 1)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Text(count);
        return command;
    }

    /// <summary>Adds the parameters of <paramref name="row"/> as row <paramref name="rowIndex"/>.</summary>
    public void Bind(DbCommand command, TRow row, int rowIndex = 0)
    {
        var names = _names.GetOrAdd(rowIndex, r => Enumerable.Range(0, _fields.Length).Select(c => _sql.GenerateParameterName(Name(c, r))).ToArray());
        for (var c = 0; c < _fields.Length; c++)
        {
            var field = _fields[c];
            command.Parameters.Add(field.Slot.Mapping.CreateParameter(command, names[c], field.Get(row), field.Slot.Nullable));
        }
    }

    /// <summary>Adds the IN list's items.</summary>
    public void BindList<T>(DbCommand command, IReadOnlyList<T> items)
    {
        var item = _listItem ?? throw new InvalidOperationException($"The statement for {typeof(TRow).Name} has no list.");
        for (var i = 0; i < items.Count; i++)
            command.Parameters.Add(item.Mapping.CreateParameter(command, _listNames.GetOrAdd(i, n => _sql.GenerateParameterName(ListName(n))), items[i], item.Nullable));
    }

    private string Name(int field, int row) => $"{_fields[field].Name}_{row}";

    private static string ListName(int index) => $"in_{index}";

    private static Func<TRow, object?> Getter(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(TRow));
        return Expression.Lambda<Func<TRow, object?>>(Expression.Convert(Expression.Property(row, property), typeof(object)), row).Compile();
    }

    private sealed record Field(string Name, string Column, SqlParameterSlot Slot, Func<TRow, object?> Get);
}
