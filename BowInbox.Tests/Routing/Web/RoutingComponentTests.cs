using System.Security.Claims;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Components.Pages.Queue;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.Routing;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace BowInbox.Tests.Routing.Web;

/// <summary>The inbox's routing buttons and the queue's Online/Away switch, clicked, with the real services of a running app.</summary>
public sealed class RoutingComponentTests : AppComponentTest
{
    public RoutingComponentTests()
    {
        UseAppService<TicketRouter>();
        UseAppService<TicketReassignment>();
        UseAppService<OfferQueries>();
        UseAppService<OfferResponses>();
        UseAppService<ProviderAvailabilityChanges>();
        UseAppService<RelayAssignment>();
        UseAppService<BowInbox.Web.Ai.AiAssistant>();
        UseAppService<InboxEvents>();
        UseAppService<TicketAccess>();
        Services.AddScoped<LiveInboxFeed>();
    }

    [Fact]
    public async Task Route_now_offers_by_the_groups_strategy_and_offer_to_offers_to_the_chosen_provider()
    {
        var routed = await QualifiedLeadAsync("15557800001");
        var chosen = await QualifiedLeadAsync("15557800002");
        var popovers = Render<MudPopoverProvider>();

        var actions = await RenderActionsAsync(routed, Staff(Roles.IntakeAgent));
        await actions.Find("[data-testid=route-now]").ClickAsync(new());
        var offer = await PendingOfferAsync(routed);
        Assert.Contains(await ProviderNameAsync(offer.ProviderId), new[] { "Tom Baker", "Ana Lopez" });
        Assert.Contains(Snackbars(), s => s.StartsWith("Offered to ", StringComparison.Ordinal));

        var offerTo = await RenderActionsAsync(chosen, Staff(Roles.IntakeAgent));
        Assert.Empty(offerTo.FindAll("[data-testid=reassign-to]"));
        await offerTo.Find("[data-testid=offer-to] button, button[data-testid=offer-to]").ClickAsync(new());
        await popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Uma Reed", StringComparison.Ordinal)).ClickAsync(new());
        Assert.Equal("Uma Reed", await ProviderNameAsync((await PendingOfferAsync(chosen)).ProviderId));
    }

    [Fact]
    public async Task A_technician_can_neither_route_nor_reassign_and_intake_cannot_reassign()
    {
        var ticketId = await QualifiedLeadAsync("15557800003");
        var actions = await RenderActionsAsync(ticketId, await TechnicianAsync("tech1@demo.local"));

        await actions.Find("[data-testid=route-now]").ClickAsync(new());

        Assert.Contains("Only inbox staff can route tickets.", Snackbars());
        Assert.Empty(actions.FindAll("[data-testid=reassign-to]"));
        await using var db = App.CreateDbContext();
        Assert.False(await db.Offers.AnyAsync(o => o.TicketId == ticketId));
        var reassignment = App.Services.GetRequiredService<TicketReassignment>();
        var tom = await ProviderIdAsync("Tom Baker");
        Assert.False((await reassignment.ReassignAsync(Staff(Roles.IntakeAgent), ticketId, tom)).Succeeded);
        Assert.False((await reassignment.ReassignAsync(await TechnicianAsync("tech1@demo.local"), ticketId, tom)).Succeeded);
        Assert.Null((await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId)).ProviderId);
        Assert.Null(await App.Services.GetRequiredService<RelayAssignment>().PanelAsync(await TechnicianAsync("tech1@demo.local"), ticketId));
        Assert.False((await App.Services.GetRequiredService<RelayAssignment>().AssignAsync(await TechnicianAsync("tech1@demo.local"), ticketId, tom)).Succeeded);
    }

    [Fact]
    public async Task Supervisor_reassigns_from_the_menu_and_intake_assigns_from_the_technician_picker()
    {
        var ticketId = await QualifiedLeadAsync("15557800004");
        var popovers = Render<MudPopoverProvider>();
        var assignment = Render<ProviderAssignment>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Staff(Roles.IntakeAgent)));
        Assert.Contains("No relay open", assignment.Find("[data-testid=relay-state]").TextContent, StringComparison.Ordinal);

        await assignment.Find("[data-testid=provider-assignment] div.mud-input-control.mud-select").MouseDownAsync(new());
        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Tom Baker", StringComparison.Ordinal)).ClickAsync(new());
        await assignment.Find("[data-testid=assign-technician]").ClickAsync(new());
        assignment.WaitForAssertion(() => Assert.Contains("Relay open since", assignment.Find("[data-testid=relay-state]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Tom Baker", await ProviderNameAsync(await TicketProviderAsync(ticketId)));

        var actions = await RenderActionsAsync(ticketId, Staff(Roles.Supervisor, "supervisor@demo.local"));
        await actions.Find("[data-testid=reassign-to] button, button[data-testid=reassign-to]").ClickAsync(new());
        await popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Ana Lopez", StringComparison.Ordinal)).ClickAsync(new());

        Assert.Equal("Ana Lopez", await ProviderNameAsync(await TicketProviderAsync(ticketId)));
        await using var db = App.CreateDbContext();
        var open = await db.RelaySessions.AsNoTracking().SingleAsync(s => s.TicketId == ticketId && s.ClosedAt == null);
        Assert.Equal(await ProviderIdAsync("Ana Lopez"), open.ProviderId);
    }

    [Fact]
    public async Task A_supervisor_is_offered_no_reassign_while_no_technician_has_the_job()
    {
        var ticketId = await QualifiedLeadAsync("15557800009");

        var actions = await RenderActionsAsync(ticketId, Staff(Roles.Supervisor, "supervisor@demo.local"));

        Assert.Empty(actions.FindAll("[data-testid=reassign-to]"));
    }

    [Fact]
    public async Task Intake_sees_no_reassign_button_on_a_ticket_a_technician_holds_and_a_supervisor_does()
    {
        var ticketId = await QualifiedLeadAsync("15557800005");
        var assigned = await App.Services.GetRequiredService<RelayAssignment>().AssignAsync(Staff(Roles.IntakeAgent), ticketId, await ProviderIdAsync("Tom Baker"));
        Assert.True(assigned.Succeeded, assigned.Message);

        var intake = Render<ProviderAssignment>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Staff(Roles.IntakeAgent)));
        var supervisor = Render<ProviderAssignment>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Staff(Roles.Supervisor, "supervisor@demo.local")));

        Assert.Empty(intake.FindAll("[data-testid=assign-technician]"));
        Assert.NotNull(intake.Find("[data-testid=reassign-supervisors-only]"));
        Assert.Contains("Reassign", supervisor.Find("[data-testid=assign-technician]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Technician_switches_between_online_and_away_but_cannot_lift_a_pause()
    {
        var tom = await TechnicianAsync("tech1@demo.local");
        var offers = Render<PendingOffers>(p => p.Add(c => c.User, tom));
        Assert.Equal("Online", offers.Find("[data-testid=availability]").TextContent.Trim());

        await offers.Find("[data-testid=go-away]").ClickAsync(new());
        offers.WaitForAssertion(() => Assert.Equal("Away", offers.Find("[data-testid=availability]").TextContent.Trim()));
        Assert.Equal(ProviderAvailability.Away, await AvailabilityAsync("Tom Baker"));

        await offers.Find("[data-testid=go-online]").ClickAsync(new());
        offers.WaitForAssertion(() => Assert.Equal("Online", offers.Find("[data-testid=availability]").TextContent.Trim()));
        Assert.Equal(ProviderAvailability.Online, await AvailabilityAsync("Tom Baker"));

        await using (var db = App.CreateDbContext())
        {
            await db.Providers.Where(p => p.DisplayName == "Tom Baker").ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Availability, ProviderAvailability.Paused).SetProperty(p => p.PauseReason, "Paused automatically: 3 messages tried to share contact details."));
        }

        var paused = Render<PendingOffers>(p => p.Add(c => c.User, tom));
        Assert.Empty(paused.FindAll("[data-testid=go-online]"));
        var banner = paused.Find("[data-testid=paused-banner]").TextContent;
        Assert.Contains("3 messages tried to share contact details", banner, StringComparison.Ordinal);
        Assert.Contains("Only a supervisor can lift the pause", banner, StringComparison.Ordinal);
        Assert.Empty(offers.FindAll("[data-testid=paused-banner]"));
        Assert.False((await App.Services.GetRequiredService<ProviderAvailabilityChanges>().SetAsync(await ProviderIdAsync("Tom Baker"), ProviderAvailability.Online)).Changed);
        Assert.Equal(ProviderAvailability.Paused, await AvailabilityAsync("Tom Baker"));
        var intake = Render<PendingOffers>(p => p.Add(c => c.User, Staff(Roles.IntakeAgent)));
        Assert.NotNull(intake.Find("[data-testid=not-a-provider]"));
    }

    private async Task<IRenderedComponent<RoutingActions>> RenderActionsAsync(int ticketId, ClaimsPrincipal user)
    {
        var details = await App.Services.GetRequiredService<InboxQueries>().DetailsAsync(Staff(Roles.Supervisor, "supervisor@demo.local"), ticketId);
        return Render<RoutingActions>(p => p.Add(c => c.Details, details!).Add(c => c.User, user));
    }

    private async Task<int> QualifiedLeadAsync(string customer)
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App, "burst pipe under the sink, downtown", customer);
        await using var db = App.CreateDbContext();
        await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceType, "plumbing").SetProperty(t => t.Area, "downtown"));
        return ticketId;
    }

    private async Task<Offer> PendingOfferAsync(int ticketId)
    {
        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Offers.AnyAsync(o => o.TicketId == ticketId && o.Status == OfferStatus.Pending), $"an offer for ticket {ticketId}");
        return await db.Offers.AsNoTracking().SingleAsync(o => o.TicketId == ticketId && o.Status == OfferStatus.Pending);
    }

    private IEnumerable<string> Snackbars() => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    private async Task<int?> TicketProviderAsync(int ticketId)
    {
        await using var db = App.CreateDbContext();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ProviderId).SingleAsync();
    }

    private async Task<string?> ProviderNameAsync(int? providerId)
    {
        await using var db = App.CreateDbContext();
        return await db.Providers.Where(p => p.Id == providerId).Select(p => p.DisplayName).SingleOrDefaultAsync();
    }

    private async Task<int> ProviderIdAsync(string name)
    {
        await using var db = App.CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync();
    }

    private async Task<ProviderAvailability> AvailabilityAsync(string name)
    {
        await using var db = App.CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == name).Select(p => p.Availability).SingleAsync();
    }

    private static ClaimsPrincipal Staff(string role, string name = "intake@demo.local")
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "staff-" + role), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    private async Task<ClaimsPrincipal> TechnicianAsync(string email)
    {
        await using var db = App.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, Roles.Technician)], "test"));
    }
}
