using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>Where an insurance ticket goes: its insurer's desk group first, the underwriting group on handoff.</summary>
public static class InsurerRouting
{
    /// <summary>The desk group of the ticket's insurer; null for a ticket without an insurer.</summary>
    public static async Task<ProviderGroup?> DeskGroupAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.InsurerId is not { } insurerId)
        {
            return null;
        }

        var deskId = await db.Insurers.Where(i => i.Id == insurerId).Select(i => (int?)i.DeskGroupId).FirstOrDefaultAsync(cancellationToken);
        return deskId is null ? null : await db.ProviderGroups.FirstOrDefaultAsync(g => g.Id == deskId, cancellationToken);
    }
}
