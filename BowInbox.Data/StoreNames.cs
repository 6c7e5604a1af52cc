using System.Data.Common;
using System.Globalization;
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

/// <summary>
/// Parameters for a statement built by hand, each made by its property's type mapping as SaveChanges makes it (the
/// model's conversions applied, the value never written into the SQL, so never into its log).
/// </summary>
internal sealed class BoundParameters(DbContext db, string prefix) : IDisposable
{
    private readonly DbCommand factory = db.Database.GetDbConnection().CreateCommand();

    public List<DbParameter> All { get; } = [];

    /// <summary>Adds the value as a parameter of the property's type; returns its name for the SQL.</summary>
    public string Add(IProperty property, object? value)
    {
        var name = "@" + prefix + All.Count.ToString(CultureInfo.InvariantCulture);
        All.Add(property.GetRelationalTypeMapping().CreateParameter(factory, name, value, property.IsNullable));
        return name;
    }

    public void Dispose() => factory.Dispose();
}
