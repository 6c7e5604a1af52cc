using System.Text.Json;
using BowInbox.Core.Dispatch;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Languages;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>What came of confirming an arrival window: what to tell the technician, and whether it was recorded.</summary>
public sealed record ArrivalAnswer(bool Confirmed, string Message);

/// <summary>
/// The technician's arrival window (<c>/eta</c> on WhatsApp, or the arrival form in the web queue): read in the
/// technician's time zone (else the marketplace's, setting <see cref="MarketplaceZoneKey"/>, else UTC), kept on the
/// ticket, written on its timeline, and told to the customer from the central number (by the technician's first name,
/// never a number; by the <c>relayed_message</c> template when the customer's window is closed). A changed window is
/// told again; the first one ends time to dispatch and the ArrivalWindow SLA target.
/// </summary>
public sealed class ArrivalWindows(RelayDelivery delivery, CustomerLanguages languages, TimeProvider time)
{
    public const string MarketplaceZoneKey = "marketplace.time-zone";

    /// <summary>What the customer is told, in their language: the first window, or a change of it.</summary>
    private async Task<string> CustomerTextAsync(InboxDbContext db, Ticket ticket, string providerFirstName, string window, bool changed, CancellationToken cancellationToken)
    {
        var language = await languages.OfAsync(db, ticket, cancellationToken);
        return languages.Texts.Get(language, changed ? "arrival-window.changed" : "arrival-window",
            ("provider", providerFirstName), ("role", languages.Role(language, ticket.ServiceType)), ("window", window), ("ticket", ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The zone <paramref name="provider"/> gives times in.</summary>
    public static async Task<TimeZoneInfo> ZoneOfAsync(InboxDbContext db, Provider provider, CancellationToken cancellationToken)
    {
        if (provider.TimeZone is { } own && TimeZoneInfo.TryFindSystemTimeZoneById(own, out var providerZone))
        {
            return providerZone;
        }

        var json = await db.Settings.AsNoTracking().Where(s => s.Key == MarketplaceZoneKey).Select(s => s.Json).FirstOrDefaultAsync(cancellationToken);
        var marketplace = json is null ? null : JsonSerializer.Deserialize<string>(json);
        return marketplace is not null && TimeZoneInfo.TryFindSystemTimeZoneById(marketplace, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as a window for <paramref name="ticket"/> (which must be <paramref name="provider"/>'s
    /// assigned job: the callers find it among his own) and records it in the caller's unit of work. Bad input changes nothing.
    /// </summary>
    public async Task<ArrivalAnswer> ConfirmAsync(InboxDbContext db, Provider provider, Ticket ticket, string text, string how, CancellationToken cancellationToken)
    {
        if (ticket.ProviderId != provider.Id || ticket.Status != TicketStatus.Assigned)
        {
            return new ArrivalAnswer(false, $"Job #{ticket.Id} is not an open job of yours.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var zone = await ZoneOfAsync(db, provider, cancellationToken);
        var (window, problem) = ArrivalWindowParser.Parse(text, now, zone);
        if (window is null)
        {
            return new ArrivalAnswer(false, problem!);
        }

        var described = window.Describe();
        if (ticket.ArrivalWindowStart == window.StartUtc && ticket.ArrivalWindowEnd == window.EndUtc)
        {
            return new ArrivalAnswer(true, $"#{ticket.Id} The customer already has that time: {described}.");
        }

        var previous = Previous(ticket);
        ticket.ArrivalWindowStart = window.StartUtc;
        ticket.ArrivalWindowEnd = window.EndUtc;
        ticket.ArrivalWindowZone = window.TimeZoneId;
        ticket.ArrivalConfirmedAt ??= now;
        ticket.LastActivityAt = now;
        var detail = previous is null
            ? $"{provider.DisplayName} confirmed the arrival window {described} ({how})"
            : $"{provider.DisplayName} changed the arrival window from {previous} to {described} ({how})";
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "arrival-window", Detail = detail, Actor = provider.DisplayName });

        var notice = await CustomerTextAsync(db, ticket, provider.FirstName, described, previous is not null, cancellationToken);
        var told = await TellCustomerAsync(db, provider, ticket, notice, cancellationToken);
        PendingChanges.Add(db, new TicketChanged(ticket.Id, "arrival-window"));
        var customer = told ? "The customer has been told." : "The customer could not be told on WhatsApp; our team will tell them.";
        return new ArrivalAnswer(true, $"#{ticket.Id} Arrival {(previous is null ? "confirmed" : "changed")}: {described}. {customer}");
    }

    private static string? Previous(Ticket ticket)
        => ArrivalWindow.Of(ticket.ArrivalWindowStart, ticket.ArrivalWindowEnd, ticket.ArrivalWindowZone)?.Describe();

    private async Task<bool> TellCustomerAsync(InboxDbContext db, Provider provider, Ticket ticket, string text, CancellationToken cancellationToken)
    {
        var contact = ticket.Contact ?? await db.Contacts.SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
        if (await RelayDelivery.CentralAsync(db, cancellationToken) is not { } central)
        {
            return false;
        }

        var notice = await delivery.StoreNoticeAsync(db, ticket.Id, MessageDirection.ToCustomer, central.PhoneNumberId, text, cancellationToken);
        var fallback = MessageTemplates.RelayedMessage.Payload([ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), provider.FirstName, text]);
        var queued = await delivery.SendTextAsync(db, central.PhoneNumberId, RelayDelivery.RecipientOf(contact), text, fallback, notice.Id, cancellationToken);
        ticket.ShowLatest(text);
        return queued;
    }
}
