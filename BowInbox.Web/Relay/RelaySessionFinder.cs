using System.Text.Json.Nodes;
using BowInbox.Core.Relay;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>Which of a provider's open sessions on a pool number a message belongs to; null Session means "ask, never guess".</summary>
public sealed record SessionMatch(RelaySession? Session, IReadOnlyList<RelaySession> Candidates);

public static class RelaySessionFinder
{
    /// <summary>
    /// One open session on (pool number, provider) is the answer. With several (every pool number was in use
    /// when they were opened), the message WhatsApp says they replied to (<paramref name="contextWamid"/>) or an
    /// explicit job number picks one; otherwise there is no match and the caller asks.
    /// </summary>
    public static async Task<SessionMatch> FindAsync(
        InboxDbContext db, InboundGroup group, int providerId, string poolPhoneNumberId, string? contextWamid, int? jobNumber, CancellationToken cancellationToken)
    {
        // The inbound group has usually read every open session of the provider already.
        if (!group.TryOpenSessions(providerId, poolPhoneNumberId, out var open))
        {
            open = await db.RelaySessions.Where(s => s.ProviderId == providerId && s.PoolPhoneNumberId == poolPhoneNumberId && s.ClosedAt == null)
                .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        }

        if (open.Count <= 1 && jobNumber is null)
        {
            return new SessionMatch(open.FirstOrDefault(), open);
        }

        var ticketId = jobNumber ?? await QuotedTicketIdAsync(db, poolPhoneNumberId, contextWamid, cancellationToken);
        return new SessionMatch(ticketId is null ? null : open.FirstOrDefault(s => s.TicketId == ticketId), open);
    }

    /// <summary>The job a quoted message of ours was about: a stored message, or a relayed one recognised by its <c>#42</c> prefix.</summary>
    public static async Task<int?> QuotedTicketIdAsync(InboxDbContext db, string poolPhoneNumberId, string? contextWamid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(contextWamid))
        {
            return null;
        }

        var stored = await StoredTicketIds(db, poolPhoneNumberId, contextWamid).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        var payload = await SentPayloads(db, poolPhoneNumberId, contextWamid).FirstOrDefaultAsync(cancellationToken);
        return payload is null ? null : RelayText.TicketIdOf(VisibleText(payload));
    }

    internal static IQueryable<int?> StoredTicketIds(InboxDbContext db, string poolPhoneNumberId, string wamid)
        => db.Messages.AsNoTracking().Where(m => m.Wamid == wamid && m.PhoneNumberId == poolPhoneNumberId).Select(m => (int?)m.TicketId);

    internal static IQueryable<string> SentPayloads(InboxDbContext db, string poolPhoneNumberId, string wamid)
        => db.Outbox.AsNoTracking().Where(o => o.Wamid == wamid && o.FromPhoneNumberId == poolPhoneNumberId).Select(o => o.PayloadJson);

    /// <summary>The text a recipient reads first in a payload we sent: a text body, a caption, a location name, a template's first parameter.</summary>
    private static string? VisibleText(string payloadJson)
    {
        if (JsonNode.Parse(payloadJson) is not JsonObject payload || payload["type"]?.GetValue<string>() is not { } type)
        {
            return null;
        }

        return type switch
        {
            "text" => payload["text"]?["body"]?.GetValue<string>(),
            "location" => payload["location"]?["name"]?.GetValue<string>(),
            "interactive" => payload["interactive"]?["body"]?["text"]?.GetValue<string>(),
            "template" => "#" + payload["template"]?["components"]?[0]?["parameters"]?[0]?["text"]?.GetValue<string>(),
            _ => payload[type]?["caption"]?.GetValue<string>(),
        };
    }
}
