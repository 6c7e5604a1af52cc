using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Routing;

/// <summary>Messages to a provider's WhatsApp from a pool number: the offer itself and short answers to their commands.</summary>
public sealed class ProviderNotices(OutboxWriter outbox, TimeProvider time)
{
    /// <summary>
    /// Queues the offer: Accept/Decline buttons inside the provider's 24-hour window on that pool number, the
    /// <c>new_lead_offer</c> template with quick replies outside it. The thread keeps a copy (a Message to the
    /// provider), whose wamid the outbox fills in; <see cref="OfferWamids"/> copies it onto the offer.
    /// </summary>
    public async Task QueueOfferAsync(InboxDbContext db, Offer offer, Ticket ticket, Provider provider, string summary, CancellationToken cancellationToken)
    {
        if (provider.WaIdProtected is null || provider.WaIdHash is null || offer.PoolPhoneNumberId is null)
        {
            return;
        }

        var body = OfferText.Body(ticket.Id, ticket.ServiceType, ticket.Area, ticket.Urgency, summary, offer.ExpiresAt - offer.OfferedAt);
        var windowOpen = await ConversationWindows.IsOpenAsync(db, offer.PoolPhoneNumberId, provider.WaIdHash, time.GetUtcNow().UtcDateTime, cancellationToken);
        var parameters = OfferText.TemplateParameters(ticket.Id, ticket.ServiceType, ticket.Area, ticket.Urgency, summary);
        var message = new Message
        {
            TicketId = ticket.Id,
            Direction = MessageDirection.ToProvider,
            AuthorName = CustomerNotices.AuthorName,
            Type = windowOpen ? "interactive" : "template",

            // What the provider reads: the buttons' text inside the window, the template's own words outside it.
            Text = windowOpen ? body : MessageTemplates.NewLeadOffer.Text(parameters),
            PhoneNumberId = offer.PoolPhoneNumberId,
            Status = DeliveryStatus.Pending,
            CreatedAt = offer.OfferedAt,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        var recipient = new Recipient(provider.WaIdProtected, provider.WaIdHash);
        if (windowOpen)
        {
            await outbox.EnqueueFreeFormAsync(db, offer.PoolPhoneNumberId, recipient, OutboxKind.Interactive,
                OutboundPayloads.ReplyButtons(body, OfferText.Buttons(offer.Id)), message.Id, cancellationToken);
        }
        else
        {
            outbox.EnqueueTemplate(db, offer.PoolPhoneNumberId, recipient,
                MessageTemplates.NewLeadOffer.Payload(parameters, OfferText.QuickReplyPayloads(offer.Id)),
                message.Id);
        }
    }

    /// <summary>A short answer to the provider on the number they wrote to; they just wrote, so the window is open.</summary>
    public Task<EnqueueResult> ReplyAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, string text, CancellationToken cancellationToken)
        => provider.WaIdProtected is null || provider.WaIdHash is null
            ? Task.FromResult(EnqueueResult.WindowClosed)
            : outbox.EnqueueTextAsync(db, poolPhoneNumberId, new Recipient(provider.WaIdProtected, provider.WaIdHash), text, null, cancellationToken);
}
