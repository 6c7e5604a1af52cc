using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Delivery statuses: kept once per (wamid, status), applied to their message, and only ever moving it
/// forward. A status that overtakes its message's send is kept and applied when the wamid appears.
/// </summary>
internal sealed class DeliveryStatusRecorder
{
    private static readonly CompiledPerProvider<Func<InboxDbContext, List<string>, IAsyncEnumerable<StatusEvent>>> StatusesOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<string> wamids) => db.StatusEvents.AsNoTracking().Where(s => wamids.Contains(s.Wamid))));

    /// <summary>Keeps the status and applies it; returns false when its message is not known (yet).</summary>
    public async Task<bool> RecordAsync(InboxDbContext db, InboundStatus status, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var known = db.FirstTracked<StatusEvent>(s => s.Wamid == status.Wamid && s.Status == status.Status) is not null
            || await db.StatusEvents.AnyAsync(s => s.Wamid == status.Wamid && s.Status == status.Status, cancellationToken);
        if (!known)
        {
            db.StatusEvents.Add(new StatusEvent
            {
                Wamid = status.Wamid,
                Status = status.Status,
                At = status.Timestamp,
                ErrorCode = status.ErrorCode,
                ErrorTitle = status.ErrorTitle,
                PricingCategory = status.Pricing?.Category,
                PricingBillable = status.Pricing?.Billable,
                PricingType = status.Pricing?.Type,
                PricingModel = status.Pricing?.Model,
            });
        }

        var message = await db.Messages.FirstOrDefaultAsync(m => m.Wamid == status.Wamid, cancellationToken);
        if (message is not null)
        {
            PricingRecorder.Apply(message, status.Pricing);
        }

        if (message is not null && Apply(message, status.Status, status.ErrorCode, status.ErrorTitle))
        {
            changes.Add(new MessageStatusChanged(message.TicketId, message.Id));
        }

        return message is not null;
    }

    /// <summary>
    /// Run after a commit that stored wamids or statuses: a status and its message's wamid committed by two
    /// concurrent transactions each miss the other, and whichever commits last must join them.
    /// </summary>
    public static async Task ReconcileAsync(IDbContextFactory<InboxDbContext> contexts, IReadOnlyCollection<string> wamids, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (wamids.Count == 0)
        {
            return;
        }

        // One query finds whether any of them has statuses waiting (usually none: statuses follow sends).
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earlier = (await StatusesOf.For(db)(db, wamids as List<string> ?? [.. wamids]).ToListAsync(cancellationToken)).ToLookup(s => s.Wamid);
        if (earlier.Count == 0)
        {
            return;
        }

        var waiting = earlier.Select(g => g.Key).ToList();
        var messages = await db.Messages.Where(m => m.Wamid != null && waiting.Contains(m.Wamid)).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            var changed = false;
            foreach (var status in earlier[message.Wamid!])
            {
                PricingRecorder.Apply(message, PricingRecorder.Of(status));
                changed |= Apply(message, status.Status, status.ErrorCode, status.ErrorTitle);
            }

            if (changed)
            {
                changes.Add(new MessageStatusChanged(message.TicketId, message.Id));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Apply(Message message, DeliveryStatus status, int? errorCode, string? errorTitle)
    {
        var next = DeliveryStatusRules.Advance(message.Status, status);
        if (next == message.Status)
        {
            return false;
        }

        message.Status = next;
        if (next == DeliveryStatus.Failed)
        {
            message.ErrorCode = errorCode;
            message.ErrorTitle = errorTitle ?? "Delivery failed";
        }

        return true;
    }
}
