using System.Net;
using BowInbox.Core.Api;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

/// <summary>A lead from the API follows intake and routing like one that began on WhatsApp.</summary>
public sealed class LeadRoutingTests
{
    [Fact]
    public async Task A_lead_with_service_and_area_is_qualified_and_offered_without_a_second_greeting()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Routing:AutomaticIntake"] = "true";
        var client = await ApiClients.ClientAsync(app, ApiScopes.Write);

        var response = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+15557080001"));
        var ticketId = (await ApiClients.JsonAsync(response)).GetProperty("ticketId").GetInt32();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == TicketStatus.Offered && t.GroupId != null);
        }, "the lead is routed and offered to a provider");
        await using var check = app.CreateDbContext();
        var kinds = await check.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync();
        Assert.Single(kinds, k => k == Web.Routing.LeadIntake.Acknowledged);
        Assert.DoesNotContain(Web.Routing.LeadIntake.NotSent, kinds);
        Assert.True(await check.Offers.AnyAsync(o => o.TicketId == ticketId));
    }
}
