using BowInbox.Core.Routing;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Relay;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>The inbox's technician picker follows the one reassignment rule: supervisors and admins take a ticket from its technician.</summary>
public sealed class ReassignmentRuleTests
{
    private static readonly System.Security.Claims.ClaimsPrincipal Supervisor = Staff(Roles.Supervisor, "supervisor@demo.local");

    [Fact]
    public async Task An_intake_agent_cannot_take_a_ticket_from_its_technician_and_nothing_changes()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, tomSession) = await AssignedConversationAsync(app);
        var assignment = app.Services.GetRequiredService<RelayAssignment>();

        var denied = await assignment.AssignAsync(Staff(), ticketId, await ProviderIdAsync(app, "Ana Lopez"));

        Assert.Equal((false, RelayAssignment.ReassignDenied), (denied.Succeeded, denied.Message));
        await using var db = app.CreateDbContext();
        Assert.Equal(tomSession.Id, (await db.RelaySessions.AsNoTracking().SingleAsync(s => s.TicketId == ticketId && s.ClosedAt == null)).Id);
        Assert.Equal(tomSession.ProviderId, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ProviderId).SingleAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Reassigned));
        Assert.False((await assignment.PanelAsync(Staff(), ticketId))!.MayAssign);
        Assert.True((await assignment.PanelAsync(Supervisor, ticketId))!.MayAssign);

        var allowed = await assignment.AssignAsync(Supervisor, ticketId, await ProviderIdAsync(app, "Ana Lopez"));
        Assert.True(allowed.Succeeded, allowed.Message);
    }

    [Fact]
    public async Task Assigning_from_the_picker_withdraws_pending_offers_so_a_stale_one_claims_nothing()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "burst pipe under the sink, downtown", "15557000501");
        await using var db = app.CreateDbContext();
        await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceType, "plumbing").SetProperty(t => t.Area, "downtown"));
        var tom = await ProviderIdAsync(app);
        var ana = await ProviderIdAsync(app, "Ana Lopez");
        Assert.True((await app.Services.GetRequiredService<TicketRouter>().OfferToAsync(ticketId, tom, "intake@demo.local")).Offered);
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.TicketId == ticketId);
        var assignment = app.Services.GetRequiredService<RelayAssignment>();

        // Offered to Tom: handing it to Ana takes it from him, so not for an intake agent.
        Assert.False((await assignment.AssignAsync(Staff(), ticketId, ana)).Succeeded);
        Assert.Equal(OfferStatus.Pending, (await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id)).Status);

        var assigned = await assignment.AssignAsync(Supervisor, ticketId, ana);

        Assert.True(assigned.Succeeded, assigned.Message);
        Assert.Equal(OfferStatus.Withdrawn, (await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id)).Status);
        var stale = await app.Services.GetRequiredService<OfferResponses>().AcceptAsync(offer.Id, tom);
        Assert.Equal(OfferAnswer.Taken, stale.Answer);
        Assert.Equal(ana, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ProviderId).SingleAsync());
    }
}
