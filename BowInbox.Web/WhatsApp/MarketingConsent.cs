using BowInbox.Core.Channel;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>The outbox's check before a template goes out: no marketing template reaches a customer who stopped them.</summary>
internal static class MarketingConsent
{
    public const string RefusedTitle = "Not sent: the customer stopped marketing messages";

    /// <summary>Why the row must not be sent, or null when it may. Only marketing templates cost a database read.</summary>
    public static async Task<SendFailure?> RefusalAsync(IDbContextFactory<InboxDbContext> contexts, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row.Kind != OutboxKind.Template || row.RecipientHash is not { } hash
            || TemplateCategories.OfPayload(row.PayloadJson) != TemplateCategory.Marketing)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stopped = await db.Contacts.AnyAsync(c => c.WaIdHash == hash && c.MarketingStoppedAt != null, cancellationToken);
        return stopped
            ? new SendFailure(SendErrorKind.Undeliverable, null, null, RefusedTitle, "marketing template refused by the outbox")
            : null;
    }
}
