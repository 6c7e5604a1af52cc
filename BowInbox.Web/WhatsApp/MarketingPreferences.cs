using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Applies <c>user_preferences</c> webhooks: a customer who stopped marketing messages is marked so (with when), the
/// change goes on their latest ticket's timeline, and the outbox refuses marketing templates to them until they resume.
/// </summary>
internal sealed class MarketingPreferences(INumberProtector numbers)
{
    public const string StoppedEvent = "marketing-stopped";
    public const string ResumedEvent = "marketing-resumed";

    /// <summary>Records the preference in the caller's unit of work; one for nobody we know, or about something else, changes nothing.</summary>
    public async Task RecordAsync(InboxDbContext db, UserPreference preference, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (preference.StopsMarketing is not { } stops || await FindContactAsync(db, preference, cancellationToken) is not { } contact)
        {
            return;
        }

        // Meta may deliver an older preference after a newer one: only the latest counts.
        if (contact.MarketingPreferenceAt is { } latest && latest > preference.Timestamp)
        {
            return;
        }

        contact.MarketingPreferenceAt = preference.Timestamp;
        contact.MarketingStoppedAt = stops ? preference.Timestamp : null;

        var ticketId = await db.Tickets.Where(t => t.ContactId == contact.Id).OrderByDescending(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (ticketId is { } id)
        {
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = id,
                At = preference.Timestamp,
                Kind = stops ? StoppedEvent : ResumedEvent,
                Detail = stops ? "The customer stopped marketing messages on WhatsApp" : "The customer resumed marketing messages on WhatsApp",
            });
            changes.Add(new TicketChanged(id, stops ? StoppedEvent : ResumedEvent));
        }
    }

    /// <summary>
    /// The one place a preference finds its contact, in the order inbound messages do (<see cref="IdentityKeys.Match"/>):
    /// BSUID, then parent BSUID, then phone number, so a customer known only by BSUID, or by the phone while Meta sends
    /// both, is found. Contacts added in this turn and not saved yet count too.
    /// </summary>
    private async Task<Contact?> FindContactAsync(InboxDbContext db, UserPreference preference, CancellationToken cancellationToken)
    {
        var userHash = preference.UserId is { } userId ? numbers.Hash(userId) : null;
        var parentHash = preference.ParentUserId is { } parentId ? numbers.Hash(parentId) : null;
        var phoneHash = preference.WaId is { } waId ? numbers.Hash(waId) : null;
        var hashes = new[] { userHash, parentHash, phoneHash }.OfType<string>().ToList();
        if (hashes.Count == 0)
        {
            return null;
        }

        bool Holds(Contact c) => hashes.Contains(c.WaIdHash) || c.UserIdHash is { } u && hashes.Contains(u) || c.ParentUserIdHash is { } p && hashes.Contains(p);
        var stored = await db.Contacts.Where(c => hashes.Contains(c.WaIdHash) || hashes.Contains(c.UserIdHash!) || hashes.Contains(c.ParentUserIdHash!)).ToListAsync(cancellationToken);
        var candidates = db.Contacts.Local.Where(Holds).Union(stored).ToList();
        return IdentityKeys.Match(candidates, userHash, parentHash, phoneHash);
    }
}
