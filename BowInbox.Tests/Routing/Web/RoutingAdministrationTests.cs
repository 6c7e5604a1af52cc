using System.Net;
using System.Security.Claims;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Routing.Web;

public sealed class RoutingAdministrationTests
{
    [Theory]
    [InlineData("/admin/routing")]
    [InlineData("/admin/providers")]
    public async Task Routing_admin_pages_are_for_admins_only(string path)
    {
        await using var app = new RoutingApp();
        foreach (var email in new[] { "supervisor@demo.local", "intake@demo.local", "tech1@demo.local" })
        {
            var denied = await (await Login.AsAsync(app, email)).GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.AbsolutePath());
        }

        var allowed = await (await Login.AsAsync(app, "admin@demo.local")).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Only_supervisors_reassign_and_reassignment_withdraws_the_offer_and_is_audited()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var offer = await app.PendingOfferAsync(ticketId);
        var uma = await app.ProviderIdAsync("Uma Reed");
        var reassignment = app.Get<TicketReassignment>();

        Assert.False((await reassignment.ReassignAsync(Staff(Roles.IntakeAgent), ticketId, uma)).Succeeded);

        var result = await reassignment.ReassignAsync(Staff(Roles.Supervisor), ticketId, uma);

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal((TicketStatus.Assigned, uma), (ticket.Status, ticket.ProviderId));
        Assert.Equal(OfferStatus.Withdrawn, (await db.Offers.SingleAsync(o => o.Id == offer.Id)).Status);
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.Reassigned && e.Target == $"ticket:{ticketId}").ToListAsync());
    }

    [Fact]
    public async Task Provider_capacity_is_validated_and_a_full_provider_is_skipped()
    {
        await using var app = new RoutingApp();
        var admin = app.Get<ProviderAdministration>();
        var tom = await app.ProviderIdAsync("Tom Baker");
        var groups = (await admin.ProvidersAsync()).Single(p => p.Id == tom).GroupIds.ToList();
        Assert.NotNull(await admin.UpdateProviderAsync("admin@demo.local", tom, -1, BowInbox.Core.Providers.ProviderAvailability.Online, groups));

        Assert.Null(await admin.UpdateProviderAsync("admin@demo.local", tom, 0, BowInbox.Core.Providers.ProviderAvailability.Online, groups));
        var ticketId = await app.LeadOfferedAsync();

        Assert.Equal(await app.ProviderIdAsync("Ana Lopez"), (await app.PendingOfferAsync(ticketId)).ProviderId);
        await using var db = app.CreateDbContext();
        Assert.Contains("skipped Tom: at capacity 0/0", await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.RoutingExplanation).SingleAsync());
    }

    private static ClaimsPrincipal Staff(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-" + role), new Claim(ClaimTypes.Name, role + "@demo.local"), new Claim(ClaimTypes.Role, role)], "test"));
}
