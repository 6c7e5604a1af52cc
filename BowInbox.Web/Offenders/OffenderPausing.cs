using System.Globalization;
using BowInbox.Core.Alerts;
using BowInbox.Core.Contacts;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Offenders;

/// <summary>
/// Pauses a provider or a customer whose violations reach the Admin's <see cref="PauseThresholds"/>, in the unit of
/// work that recorded the latest one: supervisors are alerted and the pause is audited in that same unit of work (the
/// audit entry is saved with the pause, inside the caller's transaction, so a failed append leaves nobody paused).
/// Runs only when a scan found something, so a clean message costs no query here.
/// </summary>
public static class OffenderPausing
{
    /// <summary>Who the audit names for an automatic pause.</summary>
    public const string AuditActor = "BowInbox";

    /// <summary>Pauses the provider when this message's findings reach the thresholds; says whether it did, or whether one more would.</summary>
    public static async Task<PauseOutcome> ProviderAsync(
        InboxDbContext db, AuditLog audit, Provider provider, int ticketId, IReadOnlyList<ViolationKind> added, DateTime now, string alertKey, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (provider.Availability == ProviderAvailability.Paused)
        {
            return PauseOutcome.None;
        }

        var thresholds = await RelaySettings.PauseThresholdsAsync(db, cancellationToken);
        var since = now - thresholds.LongestWindow;
        var recent = await db.PolicyViolations.AsNoTracking().Where(v => v.ProviderId == provider.Id && v.Sender == SenderKind.Provider && v.At > since)
            .Select(v => new { v.Kind, v.At, v.MessageId }).ToListAsync(cancellationToken);
        var all = Counted(thresholds, recent.Select(v => (v.Kind, v.At, v.MessageId)), added, now);
        if (!thresholds.ShouldPause(all, now))
        {
            return OneMorePauses(thresholds, all, added, now) ? PauseOutcome.OneMorePauses : PauseOutcome.None;
        }

        var tracked = db.FirstTracked<Provider>(p => p.Id == provider.Id) ?? await db.Providers.SingleAsync(p => p.Id == provider.Id, cancellationToken);
        var reason = $"Paused automatically: {all.Count} messages tried to share contact details, reaching the pause threshold ({Limits(thresholds, all)}; latest on job #{ticketId}). Only a supervisor can lift the pause.";
        tracked.Availability = ProviderAvailability.Paused;
        tracked.PauseReason = reason;
        provider.Availability = tracked.Availability;
        provider.PauseReason = reason;
        changes.Add(new ProviderPaused(ticketId, provider.Id, provider.DisplayName, reason));
        var summary = $"{provider.DisplayName} was paused automatically: {all.Count} messages tried to share contact details (latest on job #{ticketId}). "
            + "They take no new work until a supervisor lifts the pause (on the ticket's details).";
        Add(changes, await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.ProviderPaused, $"paused:{provider.Id}:{alertKey}", ticketId, provider.Id, summary, now, cancellationToken));
        await audit.SaveWithAsync(db, new AuditRecord(AuditActor, AuditActions.ProviderPaused, $"provider:{provider.Id}", $"{provider.DisplayName} on ticket #{ticketId}: {reason}"), cancellationToken);
        return PauseOutcome.Paused;
    }

    /// <summary>The customer of <paramref name="ticketId"/>, counted over all their tickets: a paused customer's messages are held, not relayed.</summary>
    public static async Task<PauseOutcome> CustomerAsync(
        InboxDbContext db, AuditLog audit, int ticketId, IReadOnlyList<ViolationKind> added, DateTime now, string alertKey, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var contact = await ContactOfAsync(db, ticketId, cancellationToken);
        if (contact.IsPaused)
        {
            return PauseOutcome.None;
        }

        var thresholds = await RelaySettings.PauseThresholdsAsync(db, cancellationToken);
        var since = now - thresholds.LongestWindow;
        var recent = await db.PolicyViolations.AsNoTracking()
            .Where(v => v.Sender == SenderKind.Customer && v.At > since && db.Tickets.Any(t => t.Id == v.TicketId && t.ContactId == contact.Id))
            .Select(v => new { v.Kind, v.At, v.MessageId }).ToListAsync(cancellationToken);
        var all = Counted(thresholds, recent.Select(v => (v.Kind, v.At, v.MessageId)), added, now);
        if (!thresholds.ShouldPause(all, now))
        {
            return OneMorePauses(thresholds, all, added, now) ? PauseOutcome.OneMorePauses : PauseOutcome.None;
        }

        contact.PausedAt = now;
        contact.PauseReason = $"Paused automatically: {all.Count} messages tried to share contact details, reaching the pause threshold ({Limits(thresholds, all)}; latest on job #{ticketId}). "
            + "Their messages are held, not passed on, until a supervisor lifts the pause.";
        changes.Add(new CustomerPaused(ticketId, contact.Id, contact.Alias, contact.PauseReason));
        changes.Add(new TicketChanged(ticketId, "customer-paused"));
        var summary = $"Customer {contact.Alias} was paused automatically: {all.Count} messages tried to share contact details (latest on job #{ticketId}). "
            + "Their messages are held until a supervisor lifts the pause (on the ticket's details).";
        Add(changes, await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.CustomerPaused, $"customer-paused:{contact.Id}:{alertKey}", ticketId, null, summary, now, cancellationToken));
        await audit.SaveWithAsync(db, new AuditRecord(AuditActor, AuditActions.CustomerPaused, $"contact:{contact.Id}", $"Customer {contact.Alias} on ticket #{ticketId}: {contact.PauseReason}"), cancellationToken);
        return PauseOutcome.Paused;
    }

    /// <summary>The ticket's customer, tracked: the relay has usually loaded it already.</summary>
    public static async Task<Contact> ContactOfAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
    {
        var ticket = db.FirstTracked<Ticket>(t => t.Id == ticketId);
        if (ticket?.Contact is { } loaded)
        {
            return loaded;
        }

        if (ticket is not null && db.FirstTracked<Contact>(c => c.Id == ticket.ContactId) is { } tracked)
        {
            return tracked;
        }

        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!).SingleAsync(cancellationToken);
    }

    /// <summary>The recent findings and this message's, counted one per message.</summary>
    private static IReadOnlyList<(ViolationKind Kind, DateTime At)> Counted(
        PauseThresholds thresholds, IEnumerable<(ViolationKind Kind, DateTime At, long? MessageId)> recent, IReadOnlyList<ViolationKind> added, DateTime now)
        => thresholds.PerMessage(recent.Concat(added.Select(k => (k, now, (long?)CurrentMessage))));

    // The message being screened may have no id yet; no stored message has this one.
    private const long CurrentMessage = long.MinValue;

    /// <summary>Whether another message like this one would pause: the sender is warned now, not surprised then.</summary>
    private static bool OneMorePauses(PauseThresholds thresholds, IReadOnlyList<(ViolationKind Kind, DateTime At)> counted, IReadOnlyList<ViolationKind> added, DateTime now)
        => added.Count > 0 && thresholds.ShouldPause(counted.Concat(thresholds.PerMessage(added.Select(k => (k, now, (long?)CurrentMessage)))), now);

    private static string Limits(PauseThresholds thresholds, IEnumerable<(ViolationKind Kind, DateTime At)> counted)
        => string.Join(", ", counted.Select(v => v.Kind).Distinct().Order()
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{ViolationLabels.Of(k).ToLowerInvariant()}: {thresholds.For(k)}")));

    private static void Add(List<InboxChange> changes, SupervisorAlertRaised? raised)
    {
        if (raised is not null)
        {
            changes.Add(raised);
        }
    }
}

/// <summary>What a message's findings did to its sender: nothing yet, one more such message would pause them, or paused them.</summary>
public enum PauseOutcome
{
    None = 0,
    OneMorePauses = 1,
    Paused = 2,
}

/// <summary>A customer paused for repeated violations: supervisors are alerted live and it is audited.</summary>
public sealed record CustomerPaused(int TicketId, int ContactId, string Alias, string Reason) : InboxChange(TicketId);
