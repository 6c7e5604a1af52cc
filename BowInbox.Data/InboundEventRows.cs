using System.Collections.Concurrent;
using System.Text;
using BowInbox.Core.Channel;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Data;

/// <summary>
/// Stores a group of accepted webhooks with one multi-row INSERT: one statement to prepare and run instead of one
/// per event, which is what EF Core's SaveChanges sends on SQLite. The rows are the same as SaveChanges would write
/// (pending, no attempts); their ids are not read back, as nothing needs them before the processor reads the rows.
/// </summary>
public static class InboundEventRows
{
    /// <summary>Rows per statement at most: three parameters each stays under SQL Server's 2,100.</summary>
    public const int MaxRows = 500;

    private static readonly ConcurrentDictionary<(Type Context, int Rows), string> Statements = new();

    /// <summary>
    /// Inserts the events (at most <see cref="MaxRows"/>) in one statement: all of them are stored, or none. An event
    /// whose delivery is already stored, or repeated within the group, is left out: a replay is not stored twice.
    /// Returns how many rows were inserted.
    /// </summary>
    public static async Task<int> InsertAsync(InboxDbContext db, IReadOnlyList<InboundEvent> events, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxRows);
        var fresh = await WithoutStoredDeliveriesAsync(db, events, cancellationToken);
        if (fresh.Count == 0)
        {
            return 0;
        }

        // The model's own conversion of the time (every timestamp is stored as UTC), as SaveChanges would apply it.
        var time = db.Model.FindEntityType(typeof(InboundEvent))!.FindProperty(nameof(InboundEvent.ReceivedAt))!.GetValueConverter();
        var values = new object[fresh.Count * 3];
        await using var command = db.Database.GetDbConnection().CreateCommand();
        for (var i = 0; i < fresh.Count; i++)
        {
            values[3 * i] = time?.ConvertToProvider(fresh[i].ReceivedAt) ?? fresh[i].ReceivedAt;
            values[(3 * i) + 1] = fresh[i].Payload;
            values[(3 * i) + 2] = (object?)fresh[i].DeliveryHash ?? NullText(command);
        }

        var sql = Statements.GetOrAdd((db.GetType(), fresh.Count), key => StatementFor(db, key.Rows));
        await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
        return fresh.Count;
    }

    // A bare null has no type for the provider to map: a typed parameter carries it.
    private static System.Data.Common.DbParameter NullText(System.Data.Common.DbCommand command)
    {
        var parameter = command.CreateParameter();
        parameter.DbType = System.Data.DbType.String;
        parameter.Value = DBNull.Value;
        return parameter;
    }

    // Another server may store the same delivery between this read and the insert: the unique index then refuses the
    // group, its webhooks are answered 5xx, and Meta's retry finds the delivery stored.
    private static async Task<List<InboundEvent>> WithoutStoredDeliveriesAsync(InboxDbContext db, IReadOnlyList<InboundEvent> events, CancellationToken cancellationToken)
    {
        var hashes = events.Select(e => e.DeliveryHash).OfType<string>().Distinct().ToList();
        var seen = hashes.Count == 0
            ? []
            : (await db.InboundEvents.AsNoTracking().Where(e => e.DeliveryHash != null && hashes.Contains(e.DeliveryHash)).Select(e => e.DeliveryHash!).ToListAsync(cancellationToken)).ToHashSet();
        return events.Where(e => e.DeliveryHash is null || seen.Add(e.DeliveryHash)).ToList();
    }

    /// <summary>The statement for this many rows, in the database's own quoting, with <c>{0}</c>-style placeholders for the values.</summary>
    public static string StatementFor(InboxDbContext db, int rows)
    {
        var names = StoreNames.Of(db, typeof(InboundEvent));
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(names.Table)
            .Append(" (").Append(names.Column(nameof(InboundEvent.ReceivedAt))).Append(", ")
            .Append(names.Column(nameof(InboundEvent.Payload))).Append(", ")
            .Append(names.Column(nameof(InboundEvent.DeliveryHash))).Append(", ")
            .Append(names.Column(nameof(InboundEvent.Attempts))).Append(") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "({" : ", ({").Append(3 * i).Append("}, {").Append((3 * i) + 1).Append("}, {").Append((3 * i) + 2).Append("}, 0)");
        }

        return text.ToString();
    }
}
