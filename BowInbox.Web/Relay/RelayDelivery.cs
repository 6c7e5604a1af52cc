using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// Queues the relay's sends through the outbox, in the caller's transaction: towards a customer always from
/// the central number, towards a provider from the session's pool number. Falls back to a template when the
/// 24-hour window is closed and one is given.
/// </summary>
public sealed class RelayDelivery(OutboxWriter outbox, TimeProvider time)
{
    public static Recipient RecipientOf(Contact contact) => new(contact.WaIdProtected, contact.WaIdHash);

    public static Recipient? RecipientOf(Provider provider)
        => provider.WaIdProtected is null || provider.WaIdHash is null ? null : new Recipient(provider.WaIdProtected, provider.WaIdHash);

    private static readonly CompiledPerProvider<Func<InboxDbContext, CancellationToken, Task<ProxyNumber?>>> ReadCentral = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, CancellationToken _) => db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == NumberPurpose.Central && n.Active).OrderBy(n => n.Id).FirstOrDefault()));

    /// <summary>Under this key a unit of work that remembers reads keeps the central number.</summary>
    public const string CentralKey = "central-number";

    /// <summary>The active central number (read once per unit of work that remembers reads).</summary>
    public static Task<ProxyNumber?> CentralAsync(InboxDbContext db, CancellationToken cancellationToken)
        => db.ReadOnceAsync(CentralKey, (d, ct) => ReadCentral.For(d)(d, ct), cancellationToken);

    /// <summary>The central number among all our numbers, chosen as <see cref="CentralAsync"/> chooses it.</summary>
    public static ProxyNumber? CentralAmong(IEnumerable<ProxyNumber> numbers)
        => numbers.Where(n => n.Purpose == NumberPurpose.Central && n.Active).OrderBy(n => n.Id).FirstOrDefault();

    /// <summary>
    /// Queues a payload; returns false when the window is closed and there is no template to fall back to. The inbound
    /// <paramref name="group"/> being handled, if any, answers whether the window is open.
    /// </summary>
    public async Task<bool> SendAsync(
        InboxDbContext db, string from, Recipient to, OutboxKind kind, string payloadJson, string? templateFallback, long? messageId, CancellationToken cancellationToken, InboundGroup? group = null,
        Message? relayed = null)
    {
        if (await outbox.EnqueueFreeFormAsync(db, from, to, kind, payloadJson, messageId, cancellationToken, group, relayed) == EnqueueResult.Queued)
        {
            return true;
        }

        if (templateFallback is null)
        {
            return false;
        }

        outbox.EnqueueTemplate(db, from, to, templateFallback, messageId, relayed);
        return true;
    }

    public Task<bool> SendTextAsync(
        InboxDbContext db, string from, Recipient to, string text, string? templateFallback, long? messageId, CancellationToken cancellationToken, InboundGroup? group = null)
        => SendAsync(db, from, to, OutboxKind.Text, BowInbox.Core.WhatsApp.OutboundPayloads.Text(Fit(text)), templateFallback, messageId, cancellationToken, group);

    /// <summary>
    /// A message the relay itself writes (briefing, notices), stored on the ticket so staff see what was said,
    /// and linked to its outbox row so it shows delivery ticks.
    /// </summary>
    public async Task<Message> StoreNoticeAsync(InboxDbContext db, int ticketId, MessageDirection direction, string from, string text, CancellationToken cancellationToken)
    {
        var message = new Message
        {
            TicketId = ticketId,
            Direction = direction,
            AuthorName = "BowInbox",
            Type = "text",
            Text = text,
            PhoneNumberId = from,
            Status = DeliveryStatus.Pending,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    public void NotifySender() => outbox.NotifySender();

    /// <summary>WhatsApp refuses texts over 4,096 characters; a prefix can push a long message over.</summary>
    public static string Fit(string text)
        => text.Length <= BowInbox.Core.WhatsApp.WhatsAppLimits.MaxTextLength ? text : text[..(BowInbox.Core.WhatsApp.WhatsAppLimits.MaxTextLength - 1)] + "…";
}
