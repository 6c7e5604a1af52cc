using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// What the relay does with inbound messages once the channel has stored them, inside the channel's transaction
/// (implemented by the relay's <c>RelayInbound</c>). The channel calls it; it never calls the channel back except
/// through the outbox and the conversation windows, so the path runs one way.
/// </summary>
public interface IInboundRelay
{
    /// <summary>A processing turn starts: our numbers as read for it, for the relay to reuse instead of reading them again.</summary>
    void BeginTurn(InboxDbContext db, IReadOnlyList<ProxyNumber> ourNumbers);

    /// <summary>A customer's message, recorded on its ticket in the caller's unit of work: passed on to the provider, if any.</summary>
    Task CustomerMessageAsync(InboxDbContext db, InboundGroup group, InboundMessage inbound, Message message, List<InboxChange> changes, CancellationToken cancellationToken);

    /// <summary>A message on a pool number; returns the message relayed to the customer (saved with the group), if any.</summary>
    Task<Message?> PoolMessageAsync(InboxDbContext db, InboundGroup group, UnroutedMessage unrouted, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken);

    /// <summary>The turn committed: the sends it queued may go.</summary>
    void NotifySender();
}
