using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BowInbox.Data;

/// <summary>
/// New rows of one kind inserted by one multi-row INSERT on SQLite (see <see cref="SetBasedSave"/>), their ids read
/// back and given to the tracked entities as SaveChanges would. SQLite gives the rows of one INSERT their ids in the
/// order of its VALUES, each higher than the one before (an AUTOINCREMENT key, one writer at a time), so the ids
/// read back, in ascending order, belong to the rows in the order they were written.
/// </summary>
internal static class AddedRows
{
    /// <summary>The new rows this takes, by kind: only kinds with more than one, each row as SaveChanges would write it.</summary>
    public static List<List<EntityEntry>> Kinds(ChangeTracker tracker)
        => tracker.Entries()
            .Where(e => e.State == EntityState.Added && Insertable(e))
            .GroupBy(e => e.Metadata)
            .Where(g => g.Count() > 1)
            .Select(g => g.ToList())
            .ToList();

    /// <summary>
    /// A kind whose only value the database makes is its id, a plain table (no owned or complex parts, no inheritance),
    /// and a row whose id is still to come while none of its other values is temporary (a row pointing at one that is new
    /// too is left to SaveChanges, which writes it after the row it points at).
    /// </summary>
    private static bool Insertable(EntityEntry entry)
    {
        var entity = entry.Metadata;
        return entity.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] }
            && (key.ClrType == typeof(int) || key.ClrType == typeof(long))
            && entity.BaseType is null
            && !entity.GetDirectlyDerivedTypes().Any()
            && !entity.IsOwned()
            && !entity.GetComplexProperties().Any()
            && !entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            && entity.GetTableName() is not null
            && entity.GetProperties().All(p => p == key || (p.ValueGenerated == ValueGenerated.Never && !p.IsConcurrencyToken))
            && entry.Property(key.Name).IsTemporary
            && entry.Properties.All(p => p.Metadata == key || !p.IsTemporary);
    }

    /// <summary>Inserts the rows, as many statements as the parameter limit needs, and gives each its id.</summary>
    public static async Task InsertAsync(DbContext db, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var entity = rows[0].Metadata;
        var key = entity.FindPrimaryKey()!.Properties[0];
        var columns = entity.GetProperties().Where(p => p != key).ToList();
        foreach (var chunk in rows.Chunk(Math.Max(1, SetBasedSave.MaxParameters / columns.Count)))
        {
            var ids = await InsertChunkAsync(db, entity, key, columns, chunk, cancellationToken);
            if (ids.Count != chunk.Length)
            {
                throw new DbUpdateException($"Inserting {chunk.Length} {entity.DisplayName()} rows returned {ids.Count} ids.");
            }

            ids.Sort();
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i].Property(key.Name).CurrentValue = Convert.ChangeType(ids[i], key.ClrType, CultureInfo.InvariantCulture);
            }
        }
    }

    private static async Task<List<long>> InsertChunkAsync(
        DbContext db, IEntityType entity, IProperty key, List<IProperty> columns, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var names = StoreNames.Of(db, entity);
        using var parameters = new BoundParameters(db, "i");
        var text = new StringBuilder("INSERT INTO ").Append(names.Table).Append(" (")
            .AppendJoin(", ", columns.Select(names.Column)).Append(") VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(parameters.Add(columns[c], rows[r].Property(columns[c].Name).CurrentValue));
            }

            text.Append(')');
        }

        text.Append(" RETURNING ").Append(names.Column(key)).Append(" AS ").Append(names.Delimit("Value"));

        // Not composed with anything, so EF Core runs the statement as it is (with its logging and interceptors).
        return await db.Database.SqlQueryRaw<long>(text.ToString(), parameters.All.ToArray()).ToListAsync(cancellationToken);
    }
}
