using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json.Nodes;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Inbox;

/// <summary>
/// Read receipts and the typing indicator the customer sees (<c>WhatsApp:SendReadReceipts</c>, off by default): an agent
/// opening a conversation marks its last customer message read; an agent typing shows "typing…", at most once per
/// <see cref="TypingEvery"/> per conversation (WhatsApp shows it for up to 25 s or until the reply). Both go through the outbox.
/// </summary>
public sealed class ReadReceipts(IDbContextFactory<InboxDbContext> contexts, OutboxWriter outbox, IOptions<WhatsAppOptions> options, TimeProvider time)
{
    public static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(20);

    /// <summary>When the indicator was last sent, per ticket.</summary>
    private readonly ConcurrentDictionary<int, DateTimeOffset> typingSent = new();

    /// <summary>The body marking a message read and showing the typing indicator.</summary>
    public static string TypingPayload(string wamid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wamid);
        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = wamid,
            ["typing_indicator"] = new JsonObject { ["type"] = "text" },
        }.ToJsonString();
    }

    /// <returns>Whether a read receipt was queued.</returns>
    public Task<bool> ConversationOpenedAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
        => QueueAsync(user, ticketId, typing: false, cancellationToken);

    /// <returns>Whether a typing indicator was queued (not when one went less than <see cref="TypingEvery"/> ago).</returns>
    public async Task<bool> AgentTypingAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        if (!options.Value.SendReadReceipts)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var last = typingSent.GetValueOrDefault(ticketId, DateTimeOffset.MinValue);
        if (now - last < TypingEvery || !typingSent.TryUpdate(ticketId, now, last) && !typingSent.TryAdd(ticketId, now))
        {
            return false;
        }

        ForgetOld(now);
        return await QueueAsync(user, ticketId, typing: true, cancellationToken);
    }

    private async Task<bool> QueueAsync(ClaimsPrincipal user, int ticketId, bool typing, CancellationToken cancellationToken)
    {
        // Only inbox staff answer from the central number; a technician's view is the relay, not this conversation.
        if (!options.Value.SendReadReceipts || !TicketAccess.SeesAllTickets(user))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = await TicketAccess.Visible(db, user).Where(t => t.Id == ticketId)
            .Select(t => new { t.Contact!.WaIdProtected, t.Contact.WaIdHash }).FirstOrDefaultAsync(cancellationToken);
        var last = contact is null ? null : await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer && m.Wamid != null && m.PhoneNumberId != null)
            .OrderByDescending(m => m.Id).Select(m => new { m.Wamid, m.PhoneNumberId }).FirstOrDefaultAsync(cancellationToken);
        if (contact is null || last is null)
        {
            return false;
        }

        var to = new Recipient(contact.WaIdProtected, contact.WaIdHash);
        if (typing)
        {
            outbox.EnqueueTypingIndicator(db, last.PhoneNumberId!, to, TypingPayload(last.Wamid!));
        }
        else
        {
            outbox.EnqueueMarkRead(db, last.PhoneNumberId!, to, last.Wamid!);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.NotifySender();
        return true;
    }

    /// <summary>Keeps the throttle's memory to the conversations typed in lately.</summary>
    private void ForgetOld(DateTimeOffset now)
    {
        if (typingSent.Count < 1_000)
        {
            return;
        }

        foreach (var (ticket, at) in typingSent)
        {
            if (now - at >= TypingEvery)
            {
                typingSent.TryRemove(KeyValuePair.Create(ticket, at));
            }
        }
    }
}
