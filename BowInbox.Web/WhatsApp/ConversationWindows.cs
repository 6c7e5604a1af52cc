using BowInbox.Core.Channel;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>Tracks WhatsApp's 24-hour customer-service window per (our number, their wa_id).</summary>
public static class ConversationWindows
{
    private static readonly CompiledPerProvider<Func<InboxDbContext, string, string, CancellationToken, Task<ConversationWindow?>>> Find = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string phoneNumberId, string waIdHash, CancellationToken _) => db.ConversationWindows.FirstOrDefault(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, string, DateTime, CancellationToken, Task<bool>>> OpenSince = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string phoneNumberId, string waIdHash, DateTime since, CancellationToken _)
            => db.ConversationWindows.Any(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash && w.LastInboundAt > since)));

    /// <summary>The window runs from this message on (the group's snapshot has the window, or knows there is none).</summary>
    public static async Task TouchAsync(InboxDbContext db, InboundGroup group, string phoneNumberId, string waIdHash, DateTime messageTime, CancellationToken cancellationToken)
    {
        if (!group.TryWindow(phoneNumberId, waIdHash, out var window))
        {
            window = await Find.For(db)(db, phoneNumberId, waIdHash, cancellationToken);
        }

        if (window is null)
        {
            window = new ConversationWindow { PhoneNumberId = phoneNumberId, WaIdHash = waIdHash, LastInboundAt = messageTime };
            db.ConversationWindows.Add(window);
        }
        else if (messageTime > window.LastInboundAt)
        {
            // Messages arrive out of order; the window runs from their latest one.
            window.LastInboundAt = messageTime;
        }

        group.Window(phoneNumberId, waIdHash, window);
    }

    /// <summary>Whether they wrote to this number in the last 24 hours; answered from the inbound group when it knows the window.</summary>
    public static async Task<bool> IsOpenAsync(InboxDbContext db, string phoneNumberId, string waIdHash, DateTime now, CancellationToken cancellationToken, InboundGroup? group = null)
    {
        var since = now - ConversationWindow.Length;
        if (group is not null && group.TryWindow(phoneNumberId, waIdHash, out var window))
        {
            return window is not null && window.LastInboundAt > since;
        }

        return await OpenSince.For(db)(db, phoneNumberId, waIdHash, since, cancellationToken);
    }
}
