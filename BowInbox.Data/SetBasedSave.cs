using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BowInbox.Data;

/// <summary>
/// SaveChanges for a unit of work that added or changed many rows of the same kind, on SQLite. EF Core's SQLite
/// provider sends one INSERT or UPDATE per row, each prepared and run on its own while the database's write lock is
/// held; here the new rows of one kind go in one INSERT (<see cref="AddedRows"/>), the changed rows of one kind whose
/// changes touch the same columns in one UPDATE (a <c>CASE</c> on the key per column), and SaveChanges writes the rest
/// (deletes, and any row these do not take). Server databases batch the statements of a SaveChanges themselves, so
/// there it is SaveChanges alone.
/// </summary>
public static class SetBasedSave
{
    /// <summary>
    /// Parameters per statement at most. Microsoft.Data.Sqlite binds each parameter by looking its name up among the
    /// statement's, so binding grows with the square of their number: a processor group's writes (a message and an outbox
    /// row inserted, a ticket and a window changed, per message) took 2 % longer than SaveChanges with 250 a statement and
    /// 30 % longer with 999, and 8–15 % less time with 120.
    /// </summary>
    public const int MaxParameters = 120;

    /// <summary>
    /// Saves every change the context tracks, in its current transaction if it has one (as SaveChanges does). If it
    /// fails, nothing of it is written (the transaction is rolled back) and the context is to be discarded, not saved again.
    /// </summary>
    public static async Task SaveChangesAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var added = AddedRows.Kinds(tracker);
        var kinds = tracker.Entries()
            .Where(e => e.State == EntityState.Modified && Writable(e))
            .GroupBy(e => new Kind(e.Metadata, string.Join(",", e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))))
            .Where(g => g.Count() > 1)
            .ToList();
        if (kinds.Count == 0 && added.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var owned = db.Database.CurrentTransaction is null;
        var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            try
            {
                foreach (var rows in added)
                {
                    await AddedRows.InsertAsync(db, rows, cancellationToken);
                }

                foreach (var kind in kinds)
                {
                    var rows = kind.ToList();
                    var columns = rows[0].Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList();
                    var perStatement = Math.Max(1, MaxParameters / (1 + (2 * columns.Count)));
                    foreach (var chunk in rows.Chunk(perStatement))
                    {
                        await UpdateAsync(db, kind.Key.Entity, columns, chunk, cancellationToken);
                    }
                }
            }
            catch (DbException ex)
            {
                // As SaveChanges reports it (a unique index refusing a duplicate, say), so callers handle both alike.
                throw new DbUpdateException("An error occurred while saving the rows of one kind together: " + ex.Message, ex);
            }

            // Written: what SaveChanges finds for these rows is their current values, unchanged.
            var detecting = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var entry in kinds.SelectMany(k => k).Concat(added.SelectMany(k => k)))
                {
                    entry.OriginalValues.SetValues(entry.CurrentValues);
                    entry.State = EntityState.Unchanged;
                }

                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detecting;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A row this can write as SaveChanges would: one key column, no concurrency token (whose check is per row), no
    /// owned or complex parts, and no changed value that is a key or still temporary (an id an insert gives).
    /// </summary>
    private static bool Writable(EntityEntry entry)
    {
        var entity = entry.Metadata;
        return entity.FindPrimaryKey() is { Properties.Count: 1 } key
            && !entity.IsOwned()
            && !entity.GetComplexProperties().Any()
            && !entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            && entity.GetTableName() is not null
            && !entity.GetProperties().Any(p => p.IsConcurrencyToken)
            && !entry.Property(key.Properties[0].Name).IsTemporary
            && entry.Properties.Where(p => p.IsModified).All(p => !p.Metadata.IsKey() && !p.IsTemporary);
    }

    private static async Task UpdateAsync(DbContext db, IEntityType entity, List<IProperty> columns, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var names = StoreNames.Of(db, entity);
        var key = entity.FindPrimaryKey()!.Properties[0];
        var keyColumn = names.Column(key);
        using var parameters = new BoundParameters(db, "u");
        var keys = rows.Select(r => parameters.Add(key, r.Property(key.Name).CurrentValue)).ToList();
        var text = new StringBuilder("UPDATE ").Append(names.Table).Append(" SET ");
        for (var c = 0; c < columns.Count; c++)
        {
            text.Append(c == 0 ? "" : ", ").Append(names.Column(columns[c])).Append(" = CASE ").Append(keyColumn);
            for (var r = 0; r < rows.Count; r++)
            {
                text.Append(" WHEN ").Append(keys[r]).Append(" THEN ").Append(parameters.Add(columns[c], rows[r].Property(columns[c].Name).CurrentValue));
            }

            text.Append(" END");
        }

        text.Append(" WHERE ").Append(keyColumn).Append(" IN (").AppendJoin(", ", keys).Append(')');
        var changed = await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters.All, cancellationToken);
        if (changed != rows.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"Updating {rows.Count} {entity.DisplayName()} rows changed {changed}: some were deleted since they were read.");
        }
    }

    private sealed record Kind(IEntityType Entity, string Columns);
}
