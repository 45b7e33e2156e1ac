using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MissionFlow.Core.Workflows;

/// <summary>
/// The four statements of a fire, made once per EF model from its mapping: table and column names as the
/// provider quotes them, and each parameter created by its property's type mapping, value converter included
/// (instants as ticks on SQLite, enums as names).
/// </summary>
internal sealed class TransitionSql
{
    public TransitionSql(IModel model, ISqlGenerationHelper sql, bool outputClause)
    {
        var instances = new MappedTable(model, typeof(WorkflowInstance), sql);
        UpdateInstance = new SqlStatement(sql,
            instances.Columns(nameof(WorkflowInstance.State), nameof(WorkflowInstance.DataJson), nameof(WorkflowInstance.Revision),
                nameof(WorkflowInstance.UpdatedAt), nameof(WorkflowInstance.Id), nameof(WorkflowInstance.Revision)),
            (s, _) => $"UPDATE {instances.Name} SET {instances[nameof(WorkflowInstance.State)]} = {s.Placeholder(0, 0)}, " +
                      $"{instances[nameof(WorkflowInstance.DataJson)]} = {s.Placeholder(0, 1)}, {instances[nameof(WorkflowInstance.Revision)]} = {s.Placeholder(0, 2)}, " +
                      $"{instances[nameof(WorkflowInstance.UpdatedAt)]} = {s.Placeholder(0, 3)} " +
                      $"WHERE {instances[nameof(WorkflowInstance.Id)]} = {s.Placeholder(0, 4)} AND {instances[nameof(WorkflowInstance.Revision)]} = {s.Placeholder(0, 5)}");

        var journal = new MappedTable(model, typeof(JournalEntry), sql);
        string[] journalColumns =
        [
            nameof(JournalEntry.InstanceId), nameof(JournalEntry.At), nameof(JournalEntry.Actor), nameof(JournalEntry.Trigger),
            nameof(JournalEntry.FromState), nameof(JournalEntry.ToState), nameof(JournalEntry.Comment), nameof(JournalEntry.InputJson),
            nameof(JournalEntry.Imported),
        ];
        var journalId = journal[nameof(JournalEntry.Id)];
        InsertJournal = new SqlStatement(sql, journal.Columns(journalColumns),
            (s, _) => $"INSERT INTO {journal.Name} ({journal.List(journalColumns)}) " +
                      (outputClause ? $"OUTPUT INSERTED.{journalId} {s.Values(1)}" : $"{s.Values(1)} RETURNING {journalId}"));

        var timers = new MappedTable(model, typeof(WorkflowTimer), sql);
        CancelTimers = new SqlStatement(sql,
            timers.Columns(nameof(WorkflowTimer.Status), nameof(WorkflowTimer.InstanceId), nameof(WorkflowTimer.Status)),
            (s, count) => $"UPDATE {timers.Name} SET {timers[nameof(WorkflowTimer.Status)]} = {s.Placeholder(0, 0)} " +
                          $"WHERE {timers[nameof(WorkflowTimer.InstanceId)]} = {s.Placeholder(0, 1)} AND {timers[nameof(WorkflowTimer.Status)]} = {s.Placeholder(0, 2)} " +
                          $"AND {timers[nameof(WorkflowTimer.TimerId)]} IN ({string.Join(", ", Enumerable.Range(0, count).Select(s.ListPlaceholder))})",
            timers.Column(nameof(WorkflowTimer.TimerId)));

        string[] timerColumns =
        [
            nameof(WorkflowTimer.InstanceId), nameof(WorkflowTimer.TimerId), nameof(WorkflowTimer.DueAt), nameof(WorkflowTimer.Kind),
            nameof(WorkflowTimer.Level), nameof(WorkflowTimer.Status),
        ];
        InsertTimers = new SqlStatement(sql, timers.Columns(timerColumns),
            (s, rows) => $"INSERT INTO {timers.Name} ({timers.List(timerColumns)}) {s.Values(rows)}");
    }

    /// <summary>State, data, revision and time, guarded by the revision read (row 0: new values, id, expected revision).</summary>
    public SqlStatement UpdateInstance { get; }

    /// <summary>The journal line, answering its generated id.</summary>
    public SqlStatement InsertJournal { get; }

    /// <summary>Pending timers of one instance, by timer id, to cancelled (row 0: cancelled, instance, pending; the list: timer ids).</summary>
    public SqlStatement CancelTimers { get; }

    /// <summary>Timer rows, as many as asked for, in one statement.</summary>
    public SqlStatement InsertTimers { get; }
}

/// <summary>One entity type's table, with its columns quoted for the provider.</summary>
internal sealed class MappedTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    public MappedTable(IModel model, Type type, ISqlGenerationHelper sql)
    {
        _entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        _sql = sql;
        Name = sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public string Name { get; }

    public string this[string property] => _sql.DelimitIdentifier(Property(property).GetColumnName(_table)!);

    public string List(IEnumerable<string> properties) => string.Join(", ", properties.Select(p => this[p]));

    public SqlParameterSlot Column(string property)
    {
        var p = Property(property);
        return new SqlParameterSlot(p.GetRelationalTypeMapping(), p.IsNullable);
    }

    public SqlParameterSlot[] Columns(params string[] properties) => properties.Select(Column).ToArray();

    private IProperty Property(string name) =>
        _entity.FindProperty(name) ?? throw new InvalidOperationException($"{_entity.DisplayName()}.{name} is not mapped.");
}

/// <summary>How one parameter is made: the property's type mapping, and whether it may be null.</summary>
internal sealed record SqlParameterSlot(RelationalTypeMapping Mapping, bool Nullable);

/// <summary>
/// A statement whose text depends on a count (rows of VALUES, or items of an IN list); the text for each count is
/// made once. Parameters are named by row and column, so a multi-row INSERT binds row after row.
/// </summary>
internal sealed class SqlStatement(ISqlGenerationHelper sql, SqlParameterSlot[] row, Func<SqlStatement, int, string> text, SqlParameterSlot? listItem = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _texts = new();

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
        for (var c = 0; c < row.Length; c++)
            command.Parameters.Add(row[c].Mapping.CreateParameter(command, sql.GenerateParameterName(Name(rowIndex, c)), values[c], row[c].Nullable));
    }

    public void BindListItem(DbCommand command, int index, object? value) =>
        command.Parameters.Add(listItem!.Mapping.CreateParameter(command, sql.GenerateParameterName($"l{index}"), value, listItem.Nullable));

    public string Placeholder(int rowIndex, int column) => sql.GenerateParameterNamePlaceholder(Name(rowIndex, column));

    public string ListPlaceholder(int index) => sql.GenerateParameterNamePlaceholder($"l{index}");

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
