using System.Security.Claims;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Offenders;

/// <summary>Who on a ticket is paused for repeated violations: its customer and its provider.</summary>
public sealed record TicketPauses(int ContactId, string CustomerAlias, string? CustomerPauseReason, int? ProviderId, string? ProviderName, string? ProviderPauseReason)
{
    public bool Any => CustomerPauseReason is not null || ProviderPauseReason is not null;
}

/// <summary>
/// Supervisors lifting a repeat-offender pause, always with a note, and Admins setting the pause thresholds. Every
/// method checks the caller's roles on the server and every change is audited.
/// </summary>
public sealed class PauseLifting(IDbContextFactory<InboxDbContext> contexts, RelaySettings settings, AuditLog audit, InboxEvents events)
{
    public const int MaxNoteLength = 500;

    public static bool MayLift(ClaimsPrincipal user) => SupervisorAccess.MayAudit(user);

    public static bool MaySetThresholds(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);

    /// <summary>Who is paused on a ticket the caller may see; null when they may not see it.</summary>
    public async Task<TicketPauses?> OfTicketAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TicketAccess.Visible(db, user).AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new TicketPauses(
                t.ContactId,
                t.Contact!.Alias,
                t.Contact.PausedAt != null ? t.Contact.PauseReason ?? "paused" : null,
                t.ProviderId,
                t.Provider != null ? t.Provider.DisplayName : null,
                t.Provider != null && t.Provider.Availability == ProviderAvailability.Paused ? t.Provider.PauseReason ?? "paused" : null))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Lets a paused customer's messages through again; refused without a note or for anyone but a supervisor or admin.</summary>
    public async Task<ActionResult> LiftCustomerAsync(ClaimsPrincipal user, int contactId, string? note, CancellationToken cancellationToken = default)
    {
        if (Refusal(user, note) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return ActionResult.Fail("That customer does not exist.");
        }

        if (!contact.IsPaused)
        {
            return ActionResult.Fail($"Customer {contact.Alias} is not paused.");
        }

        var reason = contact.PauseReason;
        contact.PausedAt = null;
        contact.PauseReason = null;
        await audit.SaveWithAsync(db, new AuditRecord(SupervisorAccess.Actor(user), AuditActions.PauseLifted, $"contact:{contactId}", $"Customer {contact.Alias}; was: {reason}; note: {note!.Trim()}"), cancellationToken);
        await PublishAsync(db, db.Tickets.Where(t => t.ContactId == contactId), cancellationToken);
        return ActionResult.Ok($"Customer {contact.Alias} is no longer paused: their messages are passed on again.");
    }

    /// <summary>Sets a paused provider back online; refused without a note, for anyone but a supervisor or admin, or for a provider who left.</summary>
    public async Task<ActionResult> LiftProviderAsync(ClaimsPrincipal user, int providerId, string? note, CancellationToken cancellationToken = default)
    {
        if (Refusal(user, note) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (provider is null)
        {
            return ActionResult.Fail("That provider does not exist.");
        }

        if (provider.Availability != ProviderAvailability.Paused)
        {
            return ActionResult.Fail($"{provider.DisplayName} is not paused.");
        }

        if (!await db.IsActiveProviderAsync(providerId, cancellationToken))
        {
            return ActionResult.Fail(UserStanding.InactiveProvider(provider.DisplayName) + " Reactivate the user first.");
        }

        var reason = provider.PauseReason;
        provider.Availability = ProviderAvailability.Online;
        provider.PauseReason = null;
        await audit.SaveWithAsync(db, new AuditRecord(SupervisorAccess.Actor(user), AuditActions.PauseLifted, $"provider:{providerId}", $"{provider.DisplayName}; was: {reason}; note: {note!.Trim()}"), cancellationToken);
        await PublishAsync(db, db.Tickets.Where(t => t.ProviderId == providerId && t.Status != TicketStatus.Closed), cancellationToken);
        return ActionResult.Ok($"{provider.DisplayName} is back online.");
    }

    /// <summary>Saves the pause thresholds per kind (Admins only); returns an error a person can act on, or null. Audited with the values.</summary>
    public async Task<string?> SaveThresholdsAsync(ClaimsPrincipal user, IReadOnlyDictionary<ViolationKind, PauseThreshold> thresholds, CancellationToken cancellationToken = default)
    {
        if (!MaySetThresholds(user))
        {
            return "Only an Admin can change the pause thresholds.";
        }

        // Saved and audited in one transaction by the settings store.
        return await settings.SavePauseThresholdsAsync(thresholds, SupervisorAccess.Actor(user), cancellationToken);
    }

    private static ActionResult? Refusal(ClaimsPrincipal user, string? note)
    {
        if (!MayLift(user))
        {
            return ActionResult.Fail("Only a supervisor or an admin can lift a pause.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return ActionResult.Fail("Write a note saying why the pause is lifted.");
        }

        return note.Trim().Length > MaxNoteLength ? ActionResult.Fail($"The note is limited to {MaxNoteLength} characters.") : null;
    }

    private async Task PublishAsync(InboxDbContext db, IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        foreach (var id in await tickets.Select(t => t.Id).Take(50).ToListAsync(cancellationToken))
        {
            await events.PublishAsync(new TicketChanged(id, "pause-lifted"));
        }
    }
}
