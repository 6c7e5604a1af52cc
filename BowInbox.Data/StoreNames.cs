using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BowInbox.Data;

/// <summary>An entity's table and columns as the database's own quoting writes them, for statements built by hand.</summary>
internal sealed class StoreNames
{
    private readonly ISqlGenerationHelper sql;
    private readonly IEntityType entity;
    private readonly StoreObjectIdentifier table;

    private StoreNames(DbContext db, IEntityType entity)
    {
        sql = db.GetService<ISqlGenerationHelper>();
        this.entity = entity;
        table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
    }

    public string Table => sql.DelimitIdentifier(table.Name, table.Schema);

    public static StoreNames Of(DbContext db, IEntityType entity) => new(db, entity);

    public static StoreNames Of(DbContext db, Type type) => new(db, db.Model.FindEntityType(type)!);

    public string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);

    public string Column(string property) => Column(entity.FindProperty(property)!);

    public string Delimit(string name) => sql.DelimitIdentifier(name);
}
