using System.Security.Claims;
using BowInbox.Core.Insurance;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>A ticket's insurer and policy number as the details pane shows them, with the insurers to choose from.</summary>
public sealed record TicketInsurance(int? InsurerId, string? Policy, IReadOnlyList<Insurer> Insurers);

/// <summary>Staff reading and correcting a ticket's insurer and policy number; audited, and only on tickets they may see.</summary>
public sealed class InsuranceDetails(IDbContextFactory<InboxDbContext> contexts, InsurerCatalog catalog, AuditLog audit, InboxEvents events, TimeProvider time)
{
    /// <summary>Null when no insurer is configured (the pane shows nothing) or the ticket is not the user's to see.</summary>
    public async Task<TicketInsurance?> ForAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var insurers = await db.Insurers.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var ticket = await TicketAccess.Visible(db, user).AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.InsurerId }).FirstOrDefaultAsync(cancellationToken);
        if (insurers.Count == 0 || ticket is null)
        {
            return null;
        }

        var policy = await PolicyOf(db, ticketId).Select(r => r.Value).FirstOrDefaultAsync(cancellationToken);
        return new TicketInsurance(ticket.InsurerId, policy, insurers);
    }

    /// <summary>Sets the insurer and policy number staff chose; a bad policy number or a ticket the user may not edit changes nothing.</summary>
    public async Task<ActionResult> SaveAsync(ClaimsPrincipal user, int ticketId, int? insurerId, string? policy, CancellationToken cancellationToken = default)
    {
        if (!TicketAccess.SeesAllTickets(user))
        {
            return ActionResult.Fail("Only staff can change a ticket's insurer.");
        }

        var number = string.IsNullOrWhiteSpace(policy) ? null : policy.Trim();
        // A number in an insurer's own format is a policy number (patterns that match phones are refused on save); any
        // other text must not look like contact details, as for every external reference.
        var patterns = (await catalog.GetAsync(cancellationToken)).PolicyPatterns;
        if (number is not null && !PolicyPatterns.Matches(number, patterns).Any(m => m.Length == number.Length)
            && ExternalReference.Problem(InsuranceIntake.PolicyKind, number) is { } problem)
        {
            return ActionResult.Fail("Policy number: " + problem.Replace("The id", "it", StringComparison.Ordinal));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return ActionResult.Fail("That ticket does not exist.");
        }

        var insurer = insurerId is null ? null : await db.Insurers.AsNoTracking().FirstOrDefaultAsync(i => i.Id == insurerId, cancellationToken);
        if (insurerId is not null && insurer is null)
        {
            return ActionResult.Fail("That insurer does not exist any more; reload the page.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        ticket.InsurerId = insurer?.Id;
        db.ExternalReferences.RemoveRange(await PolicyOf(db, ticketId).ToListAsync(cancellationToken));
        if (number is not null)
        {
            db.ExternalReferences.Add(new ExternalReference { TicketId = ticketId, Kind = InsuranceIntake.PolicyKind, Value = number, CreatedAt = now });
        }

        var actor = user.Identity?.Name ?? "staff";
        var detail = $"Insurer set to {insurer?.Name ?? "none"}, policy {number ?? "none"}";
        db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "insurance", Detail = detail, Actor = actor });
        await audit.SaveWithAsync(db, new AuditRecord(actor, "ticket.insurance", $"ticket:{ticketId}", detail), cancellationToken);
        await events.PublishAsync(new TicketChanged(ticketId, "insurance"));
        return ActionResult.Ok("Insurer and policy saved.");
    }

    private static IQueryable<ExternalReference> PolicyOf(InboxDbContext db, int ticketId)
        => db.ExternalReferences.Where(r => r.TicketId == ticketId && r.Kind == InsuranceIntake.PolicyKind);
}
