using System.Net;
using System.Net.Http.Json;
using BowInbox.Core.Api;
using BowInbox.Core.Kpi;
using BowInbox.Data.Identity;
using BowInbox.Tests.Api;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Kpi;
using BowInbox.Web.Tutoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Tutoring;

/// <summary>Linking a ticket to a booking from the inbox, who may search by booking and save ROI inputs, and the leakage API.</summary>
public sealed class BookingLinkAndLeakageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private BookingLinks Links => shared.App.Services.GetRequiredService<BookingLinks>();

    [Fact]
    public async Task Staff_link_a_booking_from_the_inbox_bad_references_change_nothing_and_only_supervisors_search()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(shared.App, "I booked a chemistry lesson for Saturday", "15557040101");
        var agent = Staff();

        var linked = await Links.LinkAsync(agent, ticketId, " BK-8001 ");
        var again = await Links.LinkAsync(agent, ticketId, "BK-8001");
        var phone = await Links.LinkAsync(agent, ticketId, "+1 555 010 0999");
        var empty = await Links.LinkAsync(agent, ticketId, " ");
        var byTechnician = await Links.LinkAsync(Staff(Roles.Technician, "tech1@demo.local"), ticketId, "BK-8002");

        Assert.True(linked.Succeeded, linked.Message);
        Assert.False(again.Succeeded);
        Assert.False(phone.Succeeded);
        Assert.Contains("phone number", phone.Message, StringComparison.Ordinal);
        Assert.False(empty.Succeeded);
        Assert.False(byTechnician.Succeeded);
        await using (var db = shared.App.CreateDbContext())
        {
            Assert.Equal(["BK-8001"], await db.ExternalReferences.Where(r => r.TicketId == ticketId).Select(r => r.Value).ToListAsync());
            Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Detail == "Linked to booking BK-8001"));
        }

        var found = Assert.Single((await Links.SearchAsync(Staff(Roles.Supervisor, "supervisor@demo.local"), "BK-8001"))!);
        Assert.Equal(ticketId, found.TicketId);
        Assert.DoesNotContain("5557040101", System.Text.Json.JsonSerializer.Serialize(found), StringComparison.Ordinal);
        Assert.Null(await Links.SearchAsync(agent, "BK-8001"));
        Assert.Null(await Links.SearchAsync(Staff(Roles.Technician, "tech1@demo.local"), "BK-8001"));
    }

    [Fact]
    public async Task A_learner_asking_for_algebra_downtown_is_routed_to_the_seeded_maths_tutors()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Routing:AutomaticIntake"] = "true";
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "I need algebra help, I'm downtown", "15557040201");

        await using var db = app.CreateDbContext();
        var tutors = await db.ProviderGroups.Where(g => g.Name == Web.Seed.DemoData.TutoringGroup).Select(g => g.Id).SingleAsync();
        await Eventually.TrueAsync(() => db.Tickets.AsNoTracking().AnyAsync(t => t.Id == ticketId && t.GroupId == tutors), "the ticket to reach the maths tutors");
        Assert.Equal("math tutoring", (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId)).ServiceType);
    }

    [Fact]
    public async Task Only_supervisors_read_or_save_roi_inputs_and_bad_inputs_are_refused()
    {
        var settings = shared.App.Services.GetRequiredService<RoiSettings>();
        var supervisor = Staff(Roles.Supervisor, "supervisor@demo.local");

        Assert.NotNull(await settings.SaveInputsAsync(Staff(), GenericRoiInputs.Defaults));
        Assert.NotNull(await settings.SaveInputsAsync(Staff(Roles.Technician, "tech1@demo.local"), GenericRoiInputs.Defaults));
        Assert.Equal("CommissionRate is a share between 0 % and 100 %.", await settings.SaveInputsAsync(supervisor, RoiInputs.Defaults with { CommissionRate = 1.5m }));
        Assert.Equal("Costs cannot be negative.", await settings.SaveInputsAsync(supervisor, new GenericRoiInputs(10m, -1m)));
        Assert.Null(await settings.InputsAsync<GenericRoiInputs>(supervisor));
        Assert.Null(await settings.InputsAsync<RoiInputs>(supervisor));

        Assert.Null(await settings.SaveInputsAsync(supervisor, new GenericRoiInputs(3_000m, 1_000m)));
        Assert.Equal(new GenericRoiInputs(3_000m, 1_000m), await settings.InputsAsync<GenericRoiInputs>(supervisor));
        Assert.Null(await settings.InputsAsync<GenericRoiInputs>(Staff()));
        Assert.False(await settings.ChooseModelAsync(Staff(), RoiModel.Insurance));
        Assert.Equal(RoiModel.HomeServices, await settings.ModelAsync());
        Assert.NotNull(await settings.SaveBaselineAsync(Staff(), Core.Tutoring.LeakagePhase.Before, new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 100, 75)));
        Assert.NotEqual(100, (await settings.BaselineAsync()).Before?.LeadsBooked);
    }

    [Fact]
    public async Task The_booking_system_feeds_the_leakage_baseline_idempotently_and_bad_figures_change_nothing()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Metrics);
        var before = new { from = "2026-01-01", to = "2026-01-31", leadsBooked = 400, sessionsPaid = 300 };

        var first = await client.PutAsJsonAsync("/api/v1/leakage/before", before);
        var retry = await client.PutAsJsonAsync("/api/v1/leakage/before", before);
        var after = await client.PutAsJsonAsync("/api/v1/leakage/after", new { from = "2026-03-01", to = "2026-03-31", leadsBooked = 400, sessionsPaid = 380 });
        var impossible = await client.PutAsJsonAsync("/api/v1/leakage/after", new { from = "2026-03-01", to = "2026-03-31", leadsBooked = 10, sessionsPaid = 11 });
        var missing = await client.PutAsJsonAsync("/api/v1/leakage/after", new { from = "2026-03-01" });
        var phase = await client.PutAsJsonAsync("/api/v1/leakage/during", before);
        var read = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/leakage"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((await first.Content.ReadAsStringAsync()).Length, (await retry.Content.ReadAsStringAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("leadsBooked", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, phase.StatusCode);
        Assert.Equal(0.25m, read.GetProperty("before").GetProperty("leakage").GetDecimal());
        Assert.Equal(0.05m, read.GetProperty("after").GetProperty("leakage").GetDecimal());
        Assert.Equal(380, read.GetProperty("after").GetProperty("sessionsPaid").GetInt32());
        Assert.Equal(0.20m, read.GetProperty("reduction").GetDecimal());

        var withoutScope = await (await ApiClients.ClientAsync(shared.App, ApiScopes.Write)).PutAsJsonAsync("/api/v1/leakage/before", before);
        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
    }
}
