using System.Security.Claims;
using BowInbox.Core.Alerts;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Alerts;

/// <summary>The rules every alert's acknowledgement follows: Supervisors and Admins only, with a note saying what was done.</summary>
public static class AlertAcknowledgement
{
    public const int MaxNoteLength = 2000;

    /// <returns>Why the acknowledgement is refused, or null when it may go ahead.</returns>
    public static ActionResult? Refusal(ClaimsPrincipal user, string? note, string what)
    {
        if (!AlertAudience.MaySee(user))
        {
            return ActionResult.Fail($"Only Supervisors and Admins acknowledge {what}.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return ActionResult.Fail("Say what was done about it: a note is required.");
        }

        return note.Length > MaxNoteLength ? ActionResult.Fail($"Notes are limited to {MaxNoteLength:N0} characters.") : null;
    }

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? TicketAccess.UserId(user) ?? "unknown";

    private static ActionResult NotChanged(string? acknowledgedBy)
        => ActionResult.Fail(acknowledgedBy is null ? "That alert does not exist." : $"Already acknowledged by {acknowledgedBy}.");

    /// <summary>
    /// Records the acknowledgement on condition that nobody did yet, so two supervisors acknowledging at once record
    /// only the first. Returns the refusal when nothing changed, null when this one counted.
    /// </summary>
    public static async Task<ActionResult?> RecordAsync<TAlert>(DbSet<TAlert> alerts, long alertId, string actor, string note, DateTime now, CancellationToken cancellationToken)
        where TAlert : class, IAcknowledgeable
    {
        var changed = await alerts.Where(a => a.Id == alertId && a.AcknowledgedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, actor).SetProperty(a => a.AcknowledgeNote, note),
            cancellationToken);
        return changed > 0
            ? null
            : NotChanged(await alerts.Where(a => a.Id == alertId).Select(a => a.AcknowledgedBy).FirstOrDefaultAsync(cancellationToken));
    }
}
