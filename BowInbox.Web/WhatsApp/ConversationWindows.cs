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

    public static async Task TouchAsync(InboxDbContext db, string phoneNumberId, string waIdHash, DateTime messageTime, CancellationToken cancellationToken)
    {
        var window = db.FirstTracked<ConversationWindow>(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash)
            ?? (db.IsLoaded(InboundPrefetch.WindowKey(phoneNumberId, waIdHash)) ? null : await Find.For(db)(db, phoneNumberId, waIdHash, cancellationToken));
        if (window is null)
        {
            db.ConversationWindows.Add(new ConversationWindow { PhoneNumberId = phoneNumberId, WaIdHash = waIdHash, LastInboundAt = messageTime });
        }
        else if (messageTime > window.LastInboundAt)
        {
            // Messages arrive out of order; the window runs from their latest one.
            window.LastInboundAt = messageTime;
        }
    }

    public static async Task<bool> IsOpenAsync(InboxDbContext db, string phoneNumberId, string waIdHash, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - ConversationWindow.Length;
        if (db.IsLoaded(InboundPrefetch.WindowKey(phoneNumberId, waIdHash)))
        {
            return db.FirstTracked<ConversationWindow>(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash) is { } window && window.LastInboundAt > since;
        }

        return await OpenSince.For(db)(db, phoneNumberId, waIdHash, since, cancellationToken);
    }
}
