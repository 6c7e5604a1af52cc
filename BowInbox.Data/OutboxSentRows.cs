using System.Collections.Concurrent;
using System.Text;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BowInbox.Data;

/// <summary>A claimed outbox row that Meta accepted: the wamid it answered with, and the attempts counted with this one.</summary>
public sealed record SentRow(long OutboxId, long? MessageId, string Wamid, int Attempts);

/// <summary>
/// Writes down a batch of sends Meta accepted with one UPDATE of their outbox rows and one of their messages, instead
/// of the two per send that EF Core's SaveChanges sends (on SQLite, each prepared and run on its own while the write
/// lock is held). The rows end as SaveChanges would leave them: sent, with the wamid and the time, the claim released;
/// a message gets the wamid and moves up to "sent" (a status that overtook its send and is higher stays). A relayed
/// message keeps the wamid it was received with; the statuses of its copy find it through the outbox row.
/// </summary>
public static class OutboxSentRows
{
    /// <summary>Rows per call at most (a batch of answers is at most 256).</summary>
    public const int MaxRows = 500;

    private static readonly ConcurrentDictionary<(Type Context, int Rows), string> OutboxStatements = new();

    private static readonly ConcurrentDictionary<(Type Context, int Rows), string> MessageStatements = new();

    /// <summary>Rows per statement: few enough parameters to bind quickly (Microsoft.Data.Sqlite binds each parameter by looking its name up among the statement's, so binding grows with the square of their number).</summary>
    public const int RowsPerStatement = 40;

    /// <summary>Marks the rows (at most <see cref="MaxRows"/>) sent at <paramref name="now"/>, in the caller's transaction if it has one.</summary>
    public static async Task MarkSentAsync(InboxDbContext db, IReadOnlyList<SentRow> rows, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows.Count, MaxRows);
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await MarkChunkSentAsync(db, chunk, now, cancellationToken);
        }
    }

    private static async Task MarkChunkSentAsync(InboxDbContext db, IReadOnlyList<SentRow> rows, DateTime now, CancellationToken cancellationToken)
    {

        var outbox = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var values = new object[(rows.Count * 3) + 2];
        values[0] = Provider(outbox, nameof(OutboxMessage.Status), OutboxStatus.Sent);
        values[1] = Provider(outbox, nameof(OutboxMessage.SentAt), now);
        for (var i = 0; i < rows.Count; i++)
        {
            values[2 + (3 * i)] = rows[i].OutboxId;
            values[3 + (3 * i)] = rows[i].Wamid;
            values[4 + (3 * i)] = rows[i].Attempts;
        }

        var sql = OutboxStatements.GetOrAdd((db.GetType(), rows.Count), key => OutboxStatementFor(db, key.Rows));
        await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);

        var linked = rows.Where(r => r.MessageId is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }

        var message = db.Model.FindEntityType(typeof(Message))!;
        var messageValues = new object[(linked.Count * 2) + 1];
        messageValues[0] = Provider(message, nameof(Message.Status), DeliveryStatus.Sent);
        for (var i = 0; i < linked.Count; i++)
        {
            messageValues[1 + (2 * i)] = linked[i].MessageId!.Value;
            messageValues[2 + (2 * i)] = linked[i].Wamid;
        }

        var messageSql = MessageStatements.GetOrAdd((db.GetType(), linked.Count), key => MessageStatementFor(db, key.Rows));
        await db.Database.ExecuteSqlRawAsync(messageSql, messageValues, cancellationToken);
    }

    /// <summary>The outbox statement for this many rows, in the database's own quoting, with <c>{0}</c>-style placeholders.</summary>
    public static string OutboxStatementFor(InboxDbContext db, int rows)
    {
        var names = StoreNames.Of(db, typeof(OutboxMessage));
        var id = names.Column(nameof(OutboxMessage.Id));
        var text = new StringBuilder()
            .Append("UPDATE ").Append(names.Table)
            .Append(" SET ").Append(names.Column(nameof(OutboxMessage.Status))).Append(" = {0}, ")
            .Append(names.Column(nameof(OutboxMessage.SentAt))).Append(" = {1}, ")
            .Append(names.Column(nameof(OutboxMessage.LockedBy))).Append(" = NULL, ")
            .Append(names.Column(nameof(OutboxMessage.LockedUntil))).Append(" = NULL, ")
            .Append(names.Column(nameof(OutboxMessage.Wamid))).Append(" = ");
        AppendCase(text, id, rows, first: 2, stride: 3, offset: 1);
        text.Append(", ").Append(names.Column(nameof(OutboxMessage.Attempts))).Append(" = ");
        AppendCase(text, id, rows, first: 2, stride: 3, offset: 2);
        AppendWhereIdIn(text, id, rows, first: 2, stride: 3);
        return text.ToString();
    }

    /// <summary>The message statement for this many rows, in the database's own quoting, with <c>{0}</c>-style placeholders.</summary>
    public static string MessageStatementFor(InboxDbContext db, int rows)
    {
        var names = StoreNames.Of(db, typeof(Message));
        var id = names.Column(nameof(Message.Id));
        var status = names.Column(nameof(Message.Status));
        var wamid = names.Column(nameof(Message.Wamid));
        var text = new StringBuilder()
            .Append("UPDATE ").Append(names.Table)
            .Append(" SET ").Append(status).Append(" = CASE WHEN ").Append(status).Append(" < {0} THEN {0} ELSE ").Append(status).Append(" END, ")
            .Append(wamid).Append(" = COALESCE(").Append(wamid).Append(", ");
        AppendCase(text, id, rows, first: 1, stride: 2, offset: 1);
        text.Append(')');
        AppendWhereIdIn(text, id, rows, first: 1, stride: 2);
        return text.ToString();
    }

    private static void AppendCase(StringBuilder text, string id, int rows, int first, int stride, int offset)
    {
        text.Append("CASE ").Append(id);
        for (var i = 0; i < rows; i++)
        {
            var at = first + (stride * i);
            text.Append(" WHEN {").Append(at).Append("} THEN {").Append(at + offset).Append('}');
        }

        text.Append(" END");
    }

    private static void AppendWhereIdIn(StringBuilder text, string id, int rows, int first, int stride)
    {
        text.Append(" WHERE ").Append(id).Append(" IN (");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "{" : ", {").Append(first + (stride * i)).Append('}');
        }

        text.Append(')');
    }

    /// <summary>The value as the model stores it (the enum's number, the time as UTC), as SaveChanges would write it.</summary>
    private static object Provider(IEntityType entity, string property, object value)
        => entity.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}
