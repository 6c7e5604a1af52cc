using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BowInbox.Data;

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
