using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Delivery statuses: kept once per (wamid, status), applied to their message, and only ever moving it
/// forward. A status that overtakes its message's send is kept and applied when the wamid appears. A relayed
/// message's ticks are those of the copy that went to the other side.
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

        var message = await db.Messages.FirstOrDefaultAsync(m => m.Wamid == status.Wamid, cancellationToken)
            ?? await RelayedByAsync(db, status.Wamid, cancellationToken);
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
        var messages = (await db.Messages.Where(m => m.Wamid != null && waiting.Contains(m.Wamid)).ToListAsync(cancellationToken))
            .Select(m => (Wamid: m.Wamid!, Message: m)).ToList();
        var copies = await db.Outbox.AsNoTracking()
            .Where(o => o.Wamid != null && waiting.Contains(o.Wamid) && o.MessageId != null)
            .Select(o => new { Wamid = o.Wamid!, MessageId = o.MessageId!.Value })
            .ToListAsync(cancellationToken);
        var relayed = copies.Where(c => messages.All(m => m.Wamid != c.Wamid)).ToList();
        if (relayed.Count > 0)
        {
            var ids = relayed.ConvertAll(c => c.MessageId);
            var byId = await db.Messages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            messages.AddRange(relayed.Where(c => byId.ContainsKey(c.MessageId)).Select(c => (c.Wamid, byId[c.MessageId])));
        }

        foreach (var (wamid, message) in messages)
        {
            var changed = false;
            foreach (var status in earlier[wamid])
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

    /// <summary>
    /// A message received on WhatsApp and passed on keeps its own wamid; the statuses of the copy the other side got
    /// find it through the copy's outbox row.
    /// </summary>
    private static async Task<Message?> RelayedByAsync(InboxDbContext db, string wamid, CancellationToken cancellationToken)
    {
        var messageId = await db.Outbox.AsNoTracking().Where(o => o.Wamid == wamid && o.MessageId != null).Select(o => o.MessageId).FirstOrDefaultAsync(cancellationToken);
        return messageId is null ? null : await db.Messages.FindAsync([messageId.Value], cancellationToken);
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
