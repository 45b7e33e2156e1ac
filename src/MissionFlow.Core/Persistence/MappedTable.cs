using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MissionFlow.Core.Persistence;

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
