using BowInbox.Core.Alerts;
using BowInbox.Core.Channel;
using BowInbox.Core.Relay;
using BowInbox.Core.Review;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using BowInbox.Web.Live;
using BowInbox.Web.Privacy;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Review;

/// <summary>
/// What to hold: the stored message, who sent it, and what would have been queued for the other side. The sender is
/// told from <paramref name="SenderFrom"/> (the number they wrote to); the approved message goes out from <paramref name="SendFrom"/>.
/// </summary>
public sealed record HoldRequest(
    int TicketId,
    long MessageId,
    SenderKind Sender,
    int? ProviderId,
    HeldReason Reason,
    string Detail,
    string SendFrom,
    Recipient SendTo,
    OutboxKind Kind,
    string PayloadJson,
    string? TemplateFallback,
    string SenderFrom,
    Recipient SenderRecipient,
    string? MediaId = null,
    string? MediaMimeType = null,
    bool TellBothSides = true);

public enum HeldDecisionOutcome
{
    Done,
    NotFound,
    AlreadyDecided,
}

/// <summary>
/// The hold for review: a relayed message that waits for a supervisor (<c>/supervisor/held</c>) instead of crossing.
/// Holding runs in the caller's unit of work; approving and rejecting each claim the item with a conditional update
/// in one transaction with what they queue, so the message is relayed (or the sender told) exactly once.
/// </summary>
public sealed class HeldItems(
    IDbContextFactory<InboxDbContext> contexts,
    RelayDelivery delivery,
    OriginalTexts protector,
    AuditLog audit,
    InboxEvents events,
    IOptions<HeldReviewOptions> options,
    TimeProvider time)
{
    public const string HeldEvent = "held-for-review";

    /// <summary>Holds the message and tells both sides, in neutral words, that it is being checked. The caller saves.</summary>
    public async Task<HeldItem> HoldAsync(InboxDbContext db, HoldRequest request, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var item = new HeldItem
        {
            TicketId = request.TicketId,
            MessageId = request.MessageId,
            Sender = request.Sender,
            ProviderId = request.ProviderId,
            Reason = request.Reason,
            Detail = request.Detail.Length <= 500 ? request.Detail : request.Detail[..499] + "…",
            Status = HeldStatus.Waiting,
            HeldAt = now,
            DueAt = now.AddMinutes(options.Value.HeldReviewMinutes),
            SendFrom = request.SendFrom,
            SendToProtected = request.SendTo.WaIdProtected,
            SendToHash = request.SendTo.WaIdHash,
            PayloadKind = request.Kind,
            PayloadProtected = protector.Protect(request.PayloadJson),
            FallbackProtected = request.TemplateFallback is null ? null : protector.Protect(request.TemplateFallback),
            SenderFrom = request.SenderFrom,
            SenderProtected = request.SenderRecipient.WaIdProtected,
            SenderHash = request.SenderRecipient.WaIdHash,
            MediaId = request.MediaId,
            MediaMimeType = request.MediaMimeType,
        };
        db.HeldItems.Add(item);
        var what = Thing(request.Reason);
        var side = request.Sender == SenderKind.Customer ? "customer" : "provider";
        db.TicketEvents.Add(new TicketEvent { TicketId = request.TicketId, At = now, Kind = HeldEvent, Detail = $"The {side}'s {what} is held for review: {item.Detail}." });

        // A paused sender is told once per pause, in their language, by the pause itself; the other side is not told.
        if (request.TellBothSides)
        {
            await TellAsync(db, request.TicketId, request.Sender, request.SenderFrom, request.SenderRecipient, $"Your {what} is being checked and will be passed on shortly.", cancellationToken);
            await TellAsync(db, request.TicketId, Other(request.Sender), request.SendFrom, request.SendTo, $"A {what} for you is being checked and will follow shortly.", cancellationToken);
        }

        // The item has its id once saved; the alert names the job, never the content.
        await db.SaveChangesAsync(cancellationToken);
        var raised = await SupervisorAlerts.RaiseAsync(
            db, SupervisorAlertKind.HeldForReview, $"held:{item.Id}", request.TicketId, request.ProviderId,
            $"A {what} from the {side} on job #{request.TicketId} waits for review ({Reason(request.Reason)}).", now, cancellationToken);
        if (raised is not null)
        {
            changes.Add(raised);
        }

        changes.Add(new TicketChanged(request.TicketId, HeldEvent));
        return item;
    }

    /// <summary>Queues the held message for the other side, once.</summary>
    public Task<HeldDecisionOutcome> ApproveAsync(long id, string actor, CancellationToken cancellationToken = default)
        => DecideAsync(id, actor, HeldStatus.Approved, cancellationToken);

    /// <summary>Tells the sender, in neutral words, that it was not passed on; the other side is not told anything more.</summary>
    public Task<HeldDecisionOutcome> RejectAsync(long id, string actor, CancellationToken cancellationToken = default)
        => DecideAsync(id, actor, HeldStatus.Rejected, cancellationToken);

    private async Task<HeldDecisionOutcome> DecideAsync(long id, string actor, HeldStatus decision, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        HeldItem? item;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            item = await db.HeldItems.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
            if (item is null)
            {
                return HeldDecisionOutcome.NotFound;
            }

            var claimed = await db.HeldItems.Where(h => h.Id == id && h.Status == HeldStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, decision).SetProperty(h => h.DecidedAt, now).SetProperty(h => h.DecidedBy, actor), cancellationToken);
            if (claimed == 0)
            {
                return HeldDecisionOutcome.AlreadyDecided;
            }

            var what = Thing(item.Reason);
            var side = item.Sender == SenderKind.Customer ? "customer" : "provider";
            if (decision == HeldStatus.Approved)
            {
                await delivery.SendAsync(
                    db, item.SendFrom, new Recipient(item.SendToProtected, item.SendToHash), item.PayloadKind, protector.Unprotect(item.PayloadProtected)!,
                    protector.Unprotect(item.FallbackProtected), null, cancellationToken);
            }
            else
            {
                await TellAsync(
                    db, item.TicketId, item.Sender, item.SenderFrom, new Recipient(item.SenderProtected, item.SenderHash),
                    $"Your {what} was not passed on after review. Please say in a message what you wanted to share.", cancellationToken);
            }

            var verb = decision == HeldStatus.Approved ? "approved and passed on" : "rejected";
            db.TicketEvents.Add(new TicketEvent { TicketId = item.TicketId, At = now, Kind = decision == HeldStatus.Approved ? "held-approved" : "held-rejected", Actor = actor, Detail = $"The {side}'s held {what} was {verb} by {actor}." });
            foreach (var alert in await db.SupervisorAlerts.Where(a => (a.Key == $"held:{id}" || a.Key == $"held-overdue:{id}") && a.AcknowledgedAt == null).ToListAsync(cancellationToken))
            {
                alert.AcknowledgedAt = now;
                alert.AcknowledgedBy = actor;
                alert.AcknowledgeNote = $"Held {what} {verb}.";
            }

            await audit.SaveWithAsync(
                db, new AuditRecord(actor, decision == HeldStatus.Approved ? AuditActions.HeldApproved : AuditActions.HeldRejected, $"ticket #{item.TicketId}", $"held item {id} ({item.Reason}) from the {item.Sender}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        delivery.NotifySender();
        await events.PublishAsync(new TicketChanged(item.TicketId, decision == HeldStatus.Approved ? "held-approved" : "held-rejected"));
        return HeldDecisionOutcome.Done;
    }

    /// <summary>A line to one side: to a provider from the pool number with the job's prefix, to a customer from the central number.</summary>
    private Task<bool> TellAsync(InboxDbContext db, int ticketId, SenderKind who, string from, Recipient to, string text, CancellationToken cancellationToken)
        => delivery.SendTextAsync(db, from, to, who == SenderKind.Provider ? RelayText.Prefixed(ticketId, "BowInbox", text) : text, null, null, cancellationToken);

    private static SenderKind Other(SenderKind sender) => sender == SenderKind.Customer ? SenderKind.Provider : SenderKind.Customer;

    public static string Thing(HeldReason reason) => reason == HeldReason.UnscannableMedia ? "file" : "message";

    public static string Reason(HeldReason reason) => reason switch
    {
        HeldReason.UnscannableMedia => "a file that could not be checked",
        HeldReason.SenderPaused => "the sender is paused",
        _ => reason.ToString(),
    };
}

/// <summary>The held-review SLA (<c>Sla:HeldReviewMinutes</c>).</summary>
public sealed class HeldReviewOptions
{
    public const string Section = "Sla";

    public int HeldReviewMinutes { get; set; } = 30;
}
