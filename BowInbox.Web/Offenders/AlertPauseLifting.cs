using System.Security.Claims;
using BowInbox.Core.Alerts;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Offenders;

/// <summary>
/// Lifting a pause straight from its alert in the alert centre: the same lift as from the ticket's details
/// (supervisors and admins only, with a note, audited), and the alert is then acknowledged with that note so
/// it leaves the open list.
/// </summary>
public sealed class AlertPauseLifting(IDbContextFactory<InboxDbContext> contexts, PauseLifting lifting, SupervisorAlertCentre centre)
{
    /// <summary>Whether the alert is about a pause that can be lifted from it.</summary>
    public static bool CanLiftFrom(SupervisorAlertKind kind) => kind is SupervisorAlertKind.ProviderPaused or SupervisorAlertKind.CustomerPaused;

    public async Task<ActionResult> LiftAsync(ClaimsPrincipal user, long alertId, string? note, CancellationToken cancellationToken = default)
    {
        if (!PauseLifting.MayLift(user))
        {
            return ActionResult.Fail("Only a supervisor or an admin can lift a pause.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await db.SupervisorAlerts.AsNoTracking()
            .Where(a => a.Id == alertId)
            .Select(a => new { a.Kind, a.ProviderId, ContactId = db.Tickets.Where(t => t.Id == a.TicketId).Select(t => (int?)t.ContactId).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        var lifted = alert switch
        {
            null => ActionResult.Fail("That alert does not exist."),
            { Kind: SupervisorAlertKind.ProviderPaused, ProviderId: { } providerId } => await lifting.LiftProviderAsync(user, providerId, note, cancellationToken),
            { Kind: SupervisorAlertKind.CustomerPaused, ContactId: { } contactId } => await lifting.LiftCustomerAsync(user, contactId, note, cancellationToken),
            _ => ActionResult.Fail("This alert is not about a pause."),
        };
        if (!lifted.Succeeded)
        {
            return lifted;
        }

        var acknowledged = await centre.AcknowledgeAsync(user, alertId, $"Pause lifted: {note!.Trim()}", cancellationToken);
        return acknowledged.Succeeded ? lifted : ActionResult.Ok($"{lifted.Message} The alert could not be closed: {acknowledged.Message}");
    }
}
