using System.Security.Claims;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// Done and Hand back on the technician's job page: the same as <c>/done</c> and <c>/handoff</c> on WhatsApp (the
/// same code), allowed only to the technician doing the job, and only once he has it (an offer is not a job).
/// </summary>
public sealed class TechnicianJobActions(IDbContextFactory<InboxDbContext> contexts, RelayCommands commands, ArrivalWindows arrivals, RelayDelivery delivery, InboxEvents events,
    Insurance.UnderwriterHandoff underwriting)
{
    public const string NotYours = "That job does not exist or is not yours.";

    public Task<ActionResult> DoneAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
        => RunAsync(user, ticketId, "Done: the job is closed and the customer thanked.",
            async (db, job, ct) =>
            {
                await commands.DoneAsync(db, job.Provider, job.PoolPhoneNumberId, job.Ticket, "marked it done in the web queue", ct);
                return null;
            }, cancellationToken);

    /// <summary>Hands the job back; <paramref name="note"/> is read as <c>/handoff</c>'s text (a group's name first hands it to that group).</summary>
    public Task<ActionResult> HandBackAsync(ClaimsPrincipal user, int ticketId, string? note = null, CancellationToken cancellationToken = default)
        => RunAsync(user, ticketId, "Handed back: the team will find another technician.",
            async (db, job, ct) =>
            {
                await commands.HandoffAsync(db, job.Provider, job.PoolPhoneNumberId, job.Ticket, note ?? "", ct);
                return null;
            }, cancellationToken);

    /// <summary>Hand to underwriting in the web queue: the same as <c>/handoff_to_underwriter [note]</c> on WhatsApp, for the insurer's desk only.</summary>
    public Task<ActionResult> HandToUnderwritingAsync(ClaimsPrincipal user, int ticketId, string note, CancellationToken cancellationToken = default)
        => RunAsync(user, ticketId, "Handed to underwriting: the customer has been told.",
            (db, job, ct) => underwriting.HandOverAsync(db, job.Provider, job.PoolPhoneNumberId, job.Ticket, note, ct), cancellationToken);

    /// <summary>The arrival window typed in the web queue ("14:00-16:00", "tomorrow 9-11"): the same as <c>/eta</c> on WhatsApp.</summary>
    public async Task<ActionResult> ConfirmArrivalAsync(ClaimsPrincipal user, int ticketId, string window, CancellationToken cancellationToken = default)
    {
        ArrivalAnswer? answer = null;
        var result = await RunAsync(user, ticketId, "", async (db, job, ct) =>
        {
            answer = await arrivals.ConfirmAsync(db, job.Provider, job.Ticket, window, "in the web queue", ct);
            return answer.Confirmed ? null : answer.Message;
        }, cancellationToken);
        return result.Succeeded && answer is not null ? ActionResult.Ok(answer.Message) : result;
    }

    private sealed record Job(Ticket Ticket, Core.Providers.Provider Provider, string PoolPhoneNumberId);

    private async Task<ActionResult> RunAsync(
        ClaimsPrincipal user, int ticketId, string done, Func<InboxDbContext, Job, CancellationToken, Task<string?>> act, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Technician) || TicketAccess.UserId(user) is not { } userId)
        {
            return ActionResult.Fail(NotYours);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await TicketAccess.OfTechnician(db, userId).Include(t => t.Contact).Include(t => t.Provider)
            .FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket?.Provider is not { } provider)
        {
            return ActionResult.Fail(NotYours);
        }

        if (ticket.Status != TicketStatus.Assigned)
        {
            return ActionResult.Fail(ticket.Status == TicketStatus.Offered ? "Accept the offer first: it is not your job yet." : "This job is no longer open.");
        }

        // His pool number for this job: the open relay's, or the last one's when it closed while idle.
        var pool = await db.RelaySessions.AsNoTracking().Where(s => s.TicketId == ticketId && s.ProviderId == provider.Id)
            .OrderBy(s => s.ClosedAt == null ? 0 : 1).ThenByDescending(s => s.OpenedAt).Select(s => s.PoolPhoneNumberId).FirstOrDefaultAsync(cancellationToken);
        if (pool is null)
        {
            return ActionResult.Fail("This job has no conversation yet.");
        }

        // A problem (a window that cannot be read) changes nothing: the transaction is not committed.
        if (await act(db, new Job(ticket, provider, pool), cancellationToken) is { } problem)
        {
            return ActionResult.Fail(problem);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        delivery.NotifySender();
        var changes = new List<InboxChange>();
        PendingChanges.MoveTo(db, changes);
        foreach (var change in changes)
        {
            await events.PublishAsync(change);
        }

        return ActionResult.Ok(done);
    }
}
