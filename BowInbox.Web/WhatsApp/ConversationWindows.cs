using BowInbox.Core.Channel;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>Tracks WhatsApp's 24-hour customer-service window per (our number, their wa_id).</summary>
public static class ConversationWindows
{
    public static async Task TouchAsync(InboxDbContext db, string phoneNumberId, string waIdHash, DateTime messageTime, CancellationToken cancellationToken)
    {
        var window = db.ConversationWindows.Local.FirstOrDefault(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash)
            ?? await db.ConversationWindows.FirstOrDefaultAsync(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash, cancellationToken);
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
        return await db.ConversationWindows.AnyAsync(w => w.PhoneNumberId == phoneNumberId && w.WaIdHash == waIdHash && w.LastInboundAt > since, cancellationToken);
    }
}
