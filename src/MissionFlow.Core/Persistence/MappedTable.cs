using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MissionFlow.Core.Persistence;

/// <summary>One entity type's table, with its columns quoted for the provider.</summary>
internal sealed class MappedTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;

    public MappedTable(IModel model, Type type, ISqlGenerationHelper sql)
    {
        _entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        Sql = sql;
        Name = sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public string Name { get; }

    public ISqlGenerationHelper Sql { get; }

    public Type ClrType => _entity.ClrType;

    public string this[string property] => Sql.DelimitIdentifier(Property(property).GetColumnName(_table)!);

    public bool Maps(string property) => _entity.FindProperty(property) is not null;

    public SqlParameterSlot Column(string property)
    {
        var p = Property(property);
        return new SqlParameterSlot(p.GetRelationalTypeMapping(), p.IsNullable);
    }

    private IProperty Property(string name) =>
        _entity.FindProperty(name) ?? throw new InvalidOperationException($"{_entity.DisplayName()}.{name} is not mapped.");
}
