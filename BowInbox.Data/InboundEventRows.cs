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
    /// <summary>Rows per statement at most: two parameters each stays far under SQL Server's 2,100.</summary>
    public const int MaxRows = 500;

    private static readonly ConcurrentDictionary<(Type Context, int Rows), string> Statements = new();

    /// <summary>Inserts the events (at most <see cref="MaxRows"/>) in one statement: all of them are stored, or none.</summary>
    public static async Task InsertAsync(InboxDbContext db, IReadOnlyList<InboundEvent> events, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxRows);
        if (events.Count == 0)
        {
            return;
        }

        // The model's own conversion of the time (every timestamp is stored as UTC), as SaveChanges would apply it.
        var time = db.Model.FindEntityType(typeof(InboundEvent))!.FindProperty(nameof(InboundEvent.ReceivedAt))!.GetValueConverter();
        var values = new object[events.Count * 2];
        for (var i = 0; i < events.Count; i++)
        {
            values[2 * i] = time?.ConvertToProvider(events[i].ReceivedAt) ?? events[i].ReceivedAt;
            values[(2 * i) + 1] = events[i].Payload;
        }

        var sql = Statements.GetOrAdd((db.GetType(), events.Count), key => StatementFor(db, key.Rows));
        await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
    }

    /// <summary>The statement for this many rows, in the database's own quoting, with <c>{0}</c>-style placeholders for the values.</summary>
    public static string StatementFor(InboxDbContext db, int rows)
    {
        var names = StoreNames.Of(db, typeof(InboundEvent));
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(names.Table)
            .Append(" (").Append(names.Column(nameof(InboundEvent.ReceivedAt))).Append(", ")
            .Append(names.Column(nameof(InboundEvent.Payload))).Append(", ")
            .Append(names.Column(nameof(InboundEvent.Attempts))).Append(") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "({" : ", ({").Append(2 * i).Append("}, {").Append((2 * i) + 1).Append("}, 0)");
        }

        return text.ToString();
    }
}
