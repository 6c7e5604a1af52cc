using System.Security.Claims;
using BowInbox.Core.Relay;
using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Audit;

/// <summary>A whole session to audit: a customer conversation through the real webhook, then an offer, a relay session, a violation and an SLA breach.</summary>
internal static class AuditTestData
{
    public const string CustomerNumber = "15557000031";
    public const string ProviderNumber = "15550100001";

    public static ClaimsPrincipal As(string role, string email = "someone@demo.local") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-" + role), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "test"));

    public static ClaimsPrincipal Supervisor => As(Roles.Supervisor, "supervisor@demo.local");

    /// <param name="http">A client for the app when it runs on Kestrel (browser tests); in-process otherwise.</param>
    public static async Task<int> SessionAsync(InboxAppFactory app, string customer = CustomerNumber, HttpClient? http = null)
    {
        var wamid = "wamid.SESSION" + Guid.NewGuid().ToString("N");
        var posted = await Webhooks.PostSignedAsync(http ?? app.CreateBrowserlessClient(), Webhooks.Text(customer, $"Leaking pipe, call me on {customer}", wamid));
        Assert.True(posted.IsSuccessStatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the customer's message to be processed");
        var ticketId = (await db.Messages.SingleAsync(m => m.Wamid == wamid)).TicketId;
        var now = DateTime.UtcNow;
        var tom = await db.Providers.SingleAsync(p => p.DisplayName == "Tom Baker");
        var group = await db.ProviderGroups.SingleAsync(g => g.Name == "Plumbers - Downtown");
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        var message = await db.Messages.SingleAsync(m => m.TicketId == ticketId);
        ticket.ProviderId = tom.Id;
        ticket.GroupId = group.Id;
        ticket.Status = TicketStatus.Assigned;
        ticket.OfferedAt = now.AddMinutes(1);
        ticket.AcceptedAt = now.AddMinutes(2);
        message.OriginalText = message.Text;
        message.Text = "Leaking pipe, call me on [phone removed]";
        db.Offers.Add(new Offer { TicketId = ticketId, ProviderId = tom.Id, GroupId = group.Id, PoolPhoneNumberId = "100000000000011", Status = OfferStatus.Accepted, OfferedAt = now.AddMinutes(1), ExpiresAt = now.AddMinutes(6), RespondedAt = now.AddMinutes(2) });
        db.RelaySessions.Add(new RelaySession { TicketId = ticketId, ContactId = ticket.ContactId, ProviderId = tom.Id, PoolPhoneNumberId = "100000000000011", OpenedAt = now.AddMinutes(2), LastActivityAt = now.AddMinutes(2) });
        db.PolicyViolations.Add(new PolicyViolation { TicketId = ticketId, MessageId = message.Id, Kind = ViolationKind.Phone, Found = customer, Action = PolicyAction.Redact, Sender = SenderKind.Customer, At = now });
        db.SlaAlerts.Add(new SlaAlertRecord { TicketId = ticketId, Kind = SlaTargetKind.FirstResponse, Level = SlaAlertLevel.Breach, DueAt = now.AddMinutes(5), RaisedAt = now.AddMinutes(5) });
        db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now.AddMinutes(2), Kind = "status", Detail = "Status Offered → Assigned", Actor = "Tom Baker" });
        await db.SaveChangesAsync();
        return ticketId;
    }

    public static async Task<List<BowInbox.Core.Audit.AuditEntry>> EntriesAsync(InboxAppFactory app, string action)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }
}
