using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Review;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.Offenders;
using BowInbox.Web.Privacy;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// Passes one message of a relay session to the other side: scanned, stored once on the ticket with its
/// delivered (and, when changed, original) text, and queued in the caller's transaction. Towards a provider
/// from the session's pool number with a <c>#42 Maria:</c> prefix; towards the customer from the central number.
/// </summary>
public sealed partial class RelayForwarder(
    RelayScreening screening, RelayDelivery delivery, RelaySessionStore sessions, OriginalTexts originals, BowInbox.Web.Media.MediaScanCache mediaScans,
    BowInbox.Web.Review.HeldItems held, CustomerPause pause, BowInbox.Web.Languages.CustomerLanguages languages,
    BowInbox.Web.Insurance.InsurerCatalog insurers, TimeProvider time)
{
    public const string BlockedText = "[not passed on: content policy]";

    private static readonly CompiledPerProvider<Func<InboxDbContext, int, CancellationToken, Task<Provider>>> ProviderById = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, int providerId, CancellationToken _) => db.Providers.Single(p => p.Id == providerId)));

    /// <summary>The customer's message, already stored by the channel, goes to the provider.</summary>
    public async Task ToProviderAsync(
        InboxDbContext db, InboundGroup group, RelaySession session, Message message, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var ticket = await TicketWithContactAsync(db, group, session.TicketId, cancellationToken);
        var provider = group.ProviderById(session.ProviderId) ?? await ProviderById.For(db)(db, session.ProviderId, cancellationToken);
        var contact = ticket.Contact!;
        var central = await RelayDelivery.CentralAsync(db, cancellationToken);
        var outgoing = await PrepareAsync(db, ticket.Id, SenderKind.Customer, null, message, inbound, changes, cancellationToken);
        session.LastActivityAt = time.GetUtcNow().UtcDateTime;
        ticket.ShowLatest(message.Text ?? message.Caption ?? inbound.DisplayText);

        if (outgoing.Screening is { SenderNotice: { } scannerNotice } told && central is not null)
        {
            var language = await languages.OfAsync(db, ticket, cancellationToken);
            var notice = BowInbox.Web.Languages.CustomerScanNotices.For(languages.Texts, language, told.Scan, scannerNotice) ?? scannerNotice;
            await delivery.SendTextAsync(db, central.PhoneNumberId, RelayDelivery.RecipientOf(contact), notice, null, null, cancellationToken);
        }

        // A paused customer's message (this very message may have paused them) waits for a supervisor in the held queue.
        var paused = outgoing.Type != "none" && CustomerPause.Decide(contact) == PauseDecision.Hold;
        var speaker = RelayFields.SafeName(screening, await RelaySettings.ContentPolicyAsync(db, cancellationToken), contact.FirstName, contact.Alias);
        if (RelayDelivery.RecipientOf(provider) is { } to && Payload(outgoing, ticket.Id, speaker) is { } payload)
        {
            var fallback = RelayNotices.RelayedTemplatePayload(ticket.Id, speaker, outgoing.Text ?? $"[{inbound.Type}]");
            if (paused || outgoing.Hold is not null)
            {
                if (paused)
                {
                    // The pause marks the message, notes it in the thread and tells the customer once; the queue keeps it.
                    await HoldAsync(db, contact, message, inbound, central, changes, cancellationToken);
                }

                await HoldAsync(db, ticket.Id, message, SenderKind.Customer, null, outgoing.Hold ?? CustomerPause.HeldReason, (session.PoolPhoneNumberId, to), payload, fallback,
                    (central?.PhoneNumberId ?? message.PhoneNumberId ?? "", RelayDelivery.RecipientOf(contact)), inbound, changes, cancellationToken,
                    paused ? HeldReason.SenderPaused : HeldReason.UnscannableMedia);
                return;
            }

            // Linked to the customer's message, whose delivery ticks then follow the copy the technician gets.
            await delivery.SendAsync(db, session.PoolPhoneNumberId, to, payload.Kind, payload.Json, fallback, null, cancellationToken, group, message);
        }
        else if (paused)
        {
            await HoldAsync(db, contact, message, inbound, central, changes, cancellationToken);
        }
    }

    /// <summary>
    /// A customer's message on a ticket that has a provider but no open relay session. A ticket still Assigned had
    /// its relay closed for being idle: the message reopens it with the same provider on a pool number and goes on,
    /// so a customer writing after days of silence reaches the person doing the job. Otherwise (an offer is pending)
    /// it is not passed on, yet scanned like a relayed one, because the provider sees the ticket's delivered text.
    /// </summary>
    public async Task ReopenOrScreenAsync(
        InboxDbContext db, InboundGroup group, int ticketId, Message message, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, cancellationToken);
        var contact = await OffenderPausing.ContactOfAsync(db, ticketId, cancellationToken);
        if (CustomerPause.Decide(contact) == PauseDecision.Relay
            && await sessions.ReopenIdleAsync(db, ticket, "the customer wrote again", cancellationToken) is { } session)
        {
            // Saved at once: the next message of the same group that reopens a relay must see this pool number taken.
            await db.SaveChangesAsync(cancellationToken);
            group.Opened(session);
            await ToProviderAsync(db, group, session, message, inbound, changes, cancellationToken);
            changes.Add(new TicketChanged(ticketId, RelaySessionStore.ReopenedEvent));
            return;
        }

        var outgoing = await PrepareAsync(db, ticketId, SenderKind.Customer, null, message, inbound, changes, cancellationToken);
        ticket.ShowLatest(message.Text ?? message.Caption ?? inbound.DisplayText);
        if (outgoing.Type != "none" && CustomerPause.Decide(contact) == PauseDecision.Hold)
        {
            // Not passed on anyway, yet held: the provider the job is offered to sees the ticket's messages.
            await HoldAsync(db, contact, message, inbound, await RelayDelivery.CentralAsync(db, cancellationToken), changes, cancellationToken);
        }
    }

    private async Task HoldAsync(
        InboxDbContext db, Contact contact, Message message, InboundMessage inbound, ProxyNumber? central, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (await pause.HoldAsync(db, contact, message, inbound.Text ?? inbound.Media?.Caption, changes, cancellationToken) is { } notice && central is not null)
        {
            await delivery.SendTextAsync(db, central.PhoneNumberId, RelayDelivery.RecipientOf(contact), notice, null, null, cancellationToken);
        }
    }

    /// <summary>
    /// The provider's WhatsApp message on the pool number is stored on the ticket and goes to the customer, in the
    /// caller's unit of work: the message has its id once the caller saves.
    /// </summary>
    public async Task<Message> FromProviderAsync(
        InboxDbContext db, InboundGroup group, RelaySession session, Provider provider, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var message = ReceivedMessage.From(inbound, session.TicketId, MessageDirection.FromProvider, provider.FirstName);
        db.Messages.Add(message);
        await SendToCustomerAsync(db, group, session, provider, message, inbound, changes, cancellationToken);
        return message;
    }

    /// <summary>
    /// A message already stored on the ticket (the provider's, or written in the web queue) goes to the customer.
    /// Its outbox row is linked to it: the message's delivery ticks follow the copy the customer gets (a message
    /// received on WhatsApp keeps its own wamid; the copy's statuses find it through the outbox row).
    /// </summary>
    public async Task SendToCustomerAsync(
        InboxDbContext db, InboundGroup group, RelaySession session, Provider provider, Message message, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var ticket = await TicketWithContactAsync(db, group, session.TicketId, cancellationToken);
        var central = await RelayDelivery.CentralAsync(db, cancellationToken);
        var outgoing = await PrepareAsync(db, ticket.Id, SenderKind.Provider, provider, message, inbound, changes, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        session.LastActivityAt = now;
        ticket.LastActivityAt = now;

        if (outgoing.Screening?.SenderNotice is { } notice && RelayDelivery.RecipientOf(provider) is { } providerRecipient)
        {
            await delivery.SendTextAsync(db, session.PoolPhoneNumberId, providerRecipient, RelayText.Prefixed(ticket.Id, "BowInbox", notice), null, null, cancellationToken);
        }

        if (central is null || Payload(outgoing, null, provider.FirstName) is not { } payload)
        {
            return;
        }

        var fallback = RelayNotices.RelayedTemplatePayload(ticket.Id, provider.FirstName, outgoing.Text ?? $"[{inbound.Type}]");
        if (outgoing.Hold is { } why && RelayDelivery.RecipientOf(provider) is { } sender)
        {
            await HoldAsync(db, ticket.Id, message, SenderKind.Provider, provider.Id, why, (central.PhoneNumberId, RelayDelivery.RecipientOf(ticket.Contact!)), payload, fallback,
                (session.PoolPhoneNumberId, sender), inbound, changes, cancellationToken);
            return;
        }

        await delivery.SendAsync(db, central.PhoneNumberId, RelayDelivery.RecipientOf(ticket.Contact!), payload.Kind, payload.Json, fallback, null, cancellationToken, group, message);
        ticket.WaitingSince = null;
        ticket.ProviderFirstMessageAt ??= now;
        ticket.FirstHumanReplyAt ??= now;
        ticket.ShowLatest($"{provider.FirstName}: {outgoing.Text ?? outgoing.Inbound.DisplayText}");
    }

    /// <summary>The inbound group has usually read the ticket and its contact already: no need to read them again.</summary>
    private static async Task<Ticket> TicketWithContactAsync(InboxDbContext db, InboundGroup group, int ticketId, CancellationToken cancellationToken)
        => group.TicketById(ticketId) is { Contact: not null } known
            ? known
            : await db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == ticketId, cancellationToken);

    /// <summary>What may go out; <paramref name="Hold"/> (why) when it waits for review instead.</summary>
    private sealed record Outgoing(string Type, string? Text, Screening? Screening, InboundMessage Inbound, string? Hold = null);

    /// <summary>Scans what can carry contact details, records the verdict on the stored message, and says what may go out (Type "none": nothing).</summary>
    private async Task<Outgoing> PrepareAsync(
        InboxDbContext db, int ticketId, SenderKind sender, Provider? provider, Message message, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var policy = await insurers.WithPolicyPatternsAsync(await RelaySettings.ContentPolicyAsync(db, cancellationToken), cancellationToken);
        var (safe, fields) = RelayFields.Screen(screening, policy, inbound);
        switch (inbound.Type)
        {
            case "text" or "interactive" or "button" when !string.IsNullOrWhiteSpace(inbound.Text):
                {
                    var screened = await RecordScreeningAsync(db, screening.ScanText(policy, inbound.Text, inbound.From), ticketId, sender, provider, message, changes, cancellationToken);
                    Apply(message, inbound.Text, screened, caption: false);
                    return new Outgoing(screened.Delivered is null ? "none" : "text", screened.Delivered, screened, inbound);
                }

            case var media when OutboundPayloads.MediaTypes.Contains(media) && inbound.Media is not null:
                return await PrepareMediaAsync(db, ticketId, sender, provider, message, inbound, safe, fields, policy, changes, cancellationToken);

            case "location" when inbound.Location is not null:
                {
                    if (fields.Count == 0)
                    {
                        return new Outgoing("location", inbound.Location.Name, null, inbound);
                    }

                    var screened = await RecordScreeningAsync(db, RelayFields.Merge(ScanResult.Clean(""), fields), ticketId, sender, provider, message, changes, cancellationToken);
                    Replace(message, screened.Delivered is null ? BlockedText : safe.DisplayText);
                    message.LocationName = safe.Location!.Name ?? safe.Location.Address;
                    return new Outgoing(screened.Delivered is null ? "none" : "location", safe.Location.Name, screened, safe);
                }

            case "contacts":
                {
                    // A shared card is a contact exchange whatever the policy says: recorded, never passed on.
                    var card = screening.ScanCard(policy, inbound.SharedContacts);
                    var blocked = card with { DeliveredText = null, Verdict = ScanVerdict.Blocked, SenderNotice = card.SenderNotice ?? "Your contact card was not sent: contact details are shared only through the platform." };
                    var screened = await RecordScreeningAsync(db, blocked, ticketId, sender, provider, message, changes, cancellationToken);
                    message.OriginalText = message.Text is null ? null : originals.Protect(message.Text);
                    message.Text = BlockedText;
                    return new Outgoing("none", null, screened with { SenderNotice = blocked.SenderNotice }, inbound);
                }

            default:
                // Reactions, unsupported and unknown types are kept on the ticket, not relayed.
                return new Outgoing("none", null, null, inbound);
        }
    }

    /// <summary>
    /// Findings point at the stored message: one the caller has not saved yet is saved first (which also saves
    /// earlier findings of the same unit of work, so "told before" sees them). A clean scan needs no id.
    /// </summary>
    private async Task<Screening> RecordScreeningAsync(
        InboxDbContext db, ScanResult scan, int ticketId, SenderKind sender, Provider? provider, Message message, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (!scan.IsClean && message.Id == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return await screening.RecordAsync(db, scan, ticketId, sender, provider, message.Id, changes, cancellationToken);
    }

    /// <summary>The stored text becomes what crossed the relay; what was written stays as the original, for supervisors.</summary>
    private void Replace(Message message, string delivered)
    {
        if (message.Text == delivered)
        {
            return;
        }

        message.OriginalText ??= message.Text is null ? null : originals.Protect(message.Text);
        message.Text = delivered;
    }

    private void Apply(Message message, string original, Screening screened, bool caption)
    {
        var delivered = screened.Delivered ?? BlockedText;
        if (delivered == original)
        {
            return;
        }

        message.OriginalText = originals.Protect(original);
        if (caption)
        {
            message.Caption = delivered;
            message.Text = delivered;
        }
        else
        {
            message.Text = delivered;
        }
    }

    /// <summary>The payload for the other side; towards a provider (<paramref name="ticketId"/> given) texts carry the job prefix.</summary>
    private static (OutboxKind Kind, string Json)? Payload(Outgoing outgoing, int? ticketId, string speaker)
    {
        string Label(string? text) => ticketId is { } id
            ? RelayText.Prefixed(id, speaker, text ?? "")
            : $"{speaker}: {text}";

        var inbound = outgoing.Inbound;
        return outgoing.Type switch
        {
            "text" => (OutboxKind.Text, OutboundPayloads.Text(RelayDelivery.Fit(Label(outgoing.Text)))),
            "location" => (
                OutboxKind.Media,
                OutboundPayloads.Location(inbound.Location!.Latitude, inbound.Location.Longitude, Label(inbound.Location.Name ?? "location").TrimEnd(' ', ':'), inbound.Location.Address)),
            "image" or "document" or "video" => (OutboxKind.Media, OutboundPayloads.Media(outgoing.Type, inbound.Media!.Id, CaptionFit(Label(outgoing.Text).TrimEnd(' ', ':')), inbound.Media.Filename)),
            "audio" or "sticker" => (OutboxKind.Media, OutboundPayloads.Media(outgoing.Type, inbound.Media!.Id)),
            _ => null,
        };
    }

    private static string CaptionFit(string caption) => caption.Length <= 1024 ? caption : caption[..1023] + "…";
}
