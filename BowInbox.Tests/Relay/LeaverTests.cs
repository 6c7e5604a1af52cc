using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Relay;
using BowInbox.Web.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>A technician who leaves (deactivated, or moved out of the role) gets no more work and no more of the customer's words.</summary>
public sealed class LeaverTests
{
    private const string TomEmail = "tech1@demo.local";

    [Fact]
    public async Task Deactivating_a_technician_pauses_their_provider_withdraws_offers_requeues_jobs_and_audits_it()
    {
        await using var app = new InboxAppFactory();
        var (assigned, session) = await AssignedConversationAsync(app);
        var offered = await QualifiedLeadAsync(app, "15557000402");
        var tom = await ProviderIdAsync(app);
        Assert.True((await app.Services.GetRequiredService<TicketRouter>().OfferToAsync(offered, tom, "intake@demo.local")).Offered);

        var result = await app.Services.GetRequiredService<UserAccess>().DeactivateAsync(await UserIdAsync(app, TomEmail), "admin-id");

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.CreateDbContext();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == tom);
        Assert.Equal((ProviderAvailability.Paused, "account deactivated"), (provider.Availability, provider.PauseReason));
        Assert.Equal(OfferStatus.Withdrawn, (await db.Offers.AsNoTracking().SingleAsync(o => o.TicketId == offered && o.ProviderId == tom)).Status);
        Assert.NotNull((await db.RelaySessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).ClosedAt);
        Assert.False(await db.RelaySessions.AnyAsync(s => s.ProviderId == tom && s.ClosedAt == null));
        var requeued = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == assigned);
        Assert.Equal((TicketStatus.Requeued, (int?)null), (requeued.Status, requeued.ProviderId));

        // The lead went on to the next plumber of the group: never back to the leaver.
        var next = await db.Offers.AsNoTracking().SingleAsync(o => o.TicketId == offered && o.Status == OfferStatus.Pending);
        Assert.Equal(await ProviderIdAsync(app, "Ana Lopez"), next.ProviderId);

        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditActions.UserDeactivated && e.Target == TomEmail && e.Actor == "admin-id");
        Assert.Contains(audit, e => e.Action == AuditActions.ProviderPaused && e.Target == $"provider:{tom}" && e.Details.Contains($"#{assigned}", StringComparison.Ordinal));

        // The customer writes again: nothing reaches the leaver.
        await CustomerWritesAsync(app, "are you still coming at 3pm?");
        Assert.False(await db.Outbox.AnyAsync(o => o.PayloadJson.Contains("still coming")));
    }

    [Fact]
    public async Task Moving_a_technician_to_another_role_takes_their_provider_out_of_work()
    {
        await using var app = new InboxAppFactory();
        var (assigned, session) = await AssignedConversationAsync(app);
        var tom = await ProviderIdAsync(app);

        var result = await app.Services.GetRequiredService<UserAdministration>().SetRoleAsync(await UserIdAsync(app, TomEmail), Roles.IntakeAgent, "admin-id");

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.CreateDbContext();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == tom);
        Assert.Equal(ProviderAvailability.Paused, provider.Availability);
        Assert.StartsWith("no longer a technician", provider.PauseReason, StringComparison.Ordinal);
        Assert.NotNull((await db.RelaySessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).ClosedAt);
        Assert.Equal(TicketStatus.Requeued, (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == assigned)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ProviderPaused && e.Target == $"provider:{tom}"));
    }

    [Fact]
    public async Task Routing_and_the_relay_check_the_linked_user_not_only_the_number()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await AssignedConversationAsync(app);
        var offered = await QualifiedLeadAsync(app, "15557000403");
        var tom = await ProviderIdAsync(app);
        var router = app.Services.GetRequiredService<TicketRouter>();
        Assert.True((await router.OfferToAsync(offered, tom, "intake@demo.local")).Offered);
        var offer = await PendingOfferAsync(app, offered);

        // The role is taken away behind the admin page's back: the provider row is still Online, its session still open.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(TomEmail);
            Assert.True((await users.RemoveFromRoleAsync(user!, Roles.Technician)).Succeeded);
        }

        await using var db = app.CreateDbContext();
        await CustomerWritesAsync(app, "the leak is worse now");
        Assert.False(await db.Outbox.AnyAsync(o => o.PayloadJson.Contains("leak is worse")));
        Assert.True(await db.Messages.AnyAsync(m => m.Text == "the leak is worse now"), "kept for the staff");

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "I will be there at 5pm");
        Assert.False(await db.Outbox.AnyAsync(o => o.PayloadJson.Contains("there at 5pm")));

        await ProviderWritesAsync(app, offer.PoolPhoneNumberId!, "/accept");
        var accepted = await app.Services.GetRequiredService<OfferResponses>().AcceptAsync(offer.Id, tom);
        Assert.Equal((OfferAnswer.NotFound, OfferResponses.NotActive), (accepted.Answer, accepted.Message));
        Assert.Equal(OfferStatus.Pending, (await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id)).Status);
        Assert.Equal(TicketStatus.Offered, (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == offered)).Status);

        // Round robin would start with Tom; he is skipped, and cannot be chosen by hand either.
        var lead = await QualifiedLeadAsync(app, "15557000404");
        Assert.False((await router.OfferToAsync(lead, tom, "intake@demo.local")).Offered);
        var supervisor = Staff(Roles.Supervisor, "supervisor@demo.local");
        var picked = await app.Services.GetRequiredService<RelayAssignment>().AssignAsync(supervisor, lead, tom);
        Assert.Equal((false, UserStanding.InactiveProvider("Tom Baker")), (picked.Succeeded, picked.Message));
        Assert.False((await app.Services.GetRequiredService<TicketReassignment>().ReassignAsync(supervisor, offered, tom)).Succeeded);
        Assert.True((await router.RouteAsync(lead)).Offered);
        Assert.NotEqual(tom, (await PendingOfferAsync(app, lead)).ProviderId);
    }

    private static async Task<int> QualifiedLeadAsync(InboxAppFactory app, string customer)
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "burst pipe under the sink, downtown", customer);
        await using var db = app.CreateDbContext();
        await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceType, "plumbing").SetProperty(t => t.Area, "downtown"));
        return ticketId;
    }

    private static async Task<Offer> PendingOfferAsync(InboxAppFactory app, int ticketId)
    {
        await using var db = app.CreateDbContext();
        return await db.Offers.AsNoTracking().SingleAsync(o => o.TicketId == ticketId && o.Status == OfferStatus.Pending);
    }

    private static async Task<string> UserIdAsync(InboxAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
