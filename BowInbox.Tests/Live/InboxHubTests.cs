using System.Net;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.Live;

public sealed class InboxHubTests
{
    private const string Customer = "15557000042";

    [Fact]
    public async Task Customer_message_on_a_new_ticket_reaches_intake_and_no_technician()
    {
        await using var app = new InboxAppFactory();
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        await using var tech1 = await HubClients.ConnectAsync(app, Tech1);

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "my boiler is making noises", Customer);

        await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("status").GetString() == "New");
        await intake.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c =>
            c.Payload.GetProperty("text").GetString() == "my boiler is making noises"
            && c.Payload.GetProperty("direction").GetString() == "FromCustomer");
        var marker = await HubMarkers.PassOfferedTicketAsync(app, tech1, Tech1);
        Assert.All(tech1.Received, c => Assert.Equal(marker, c.TicketId));
    }

    [Fact]
    public async Task Live_payloads_never_carry_the_customer_number_or_full_name()
    {
        await using var app = new InboxAppFactory();
        app.Graph.NextWamid("wamid.OUT-LIVE");
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        await using var supervisor = await HubClients.ConnectAsync(app, Supervisor);
        await using var admin = await HubClients.ConnectAsync(app, Admin);
        await using var tech1 = await HubClients.ConnectAsync(app, Tech1);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "leak under the sink", Customer);
        await OfferToAsync(app, ticketId, Tech1);

        var reply = await app.Replies().ReplyAsync(ticketId, "Tom is on his way", ChannelTestData.Agent);
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Status("wamid.OUT-LIVE", "delivered", recipient: Customer));

        foreach (var client in new[] { intake, supervisor, admin })
        {
            await client.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c =>
                c.Payload.GetProperty("messageId").GetInt64() == reply.MessageId && c.Payload.GetProperty("status").GetString() == "Delivered");
        }

        await tech1.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId);
        var everyone = new[] { intake, supervisor, admin, tech1 };

        var everything = everyone.SelectMany(c => c.Received).ToList();
        Assert.Contains(everything, c => c.Json.Contains("Maria", StringComparison.Ordinal));
        Assert.All(everything, c =>
        {
            Assert.DoesNotContain(Customer, c.Json, StringComparison.Ordinal);
            Assert.DoesNotContain("WaId", c.Json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Lopez", c.Json, StringComparison.Ordinal);
            Assert.DoesNotContain("originalText", c.Json, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Offered_ticket_reaches_its_technician_and_not_the_rest_of_the_group()
    {
        await using var app = new InboxAppFactory();
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        await using var tech1 = await HubClients.ConnectAsync(app, Tech1);
        await using var tech2 = await HubClients.ConnectAsync(app, Tech2);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "toilet will not flush", Customer);
        await intake.WaitForAsync(InboxClientMethods.MessageChanged, ticketId);

        await OfferToAsync(app, ticketId, Tech1);

        await tech1.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("customerAlias").GetString() is { Length: > 0 });
        await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("providerName").GetString() == "Tom Baker");
        var marker = await HubMarkers.PassOfferedTicketAsync(app, tech2, Tech2);
        await HubMarkers.PassOnTicketAsync(app, ticketId, tech1);
        Assert.All(tech2.Received, c => Assert.Equal(marker, c.TicketId));
        Assert.All(tech1.Received, c => Assert.Equal(InboxClientMethods.TicketUpdated, c.Method));
    }

    [Fact]
    public async Task Technician_may_join_only_a_ticket_offered_to_them()
    {
        await using var app = new InboxAppFactory();
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        await using var tech1 = await HubClients.ConnectAsync(app, Tech1);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "radiator is cold", Customer);

        var refused = await Assert.ThrowsAsync<HubException>(() => tech1.Connection.InvokeAsync("JoinTicket", ticketId));
        await intake.Connection.InvokeAsync("JoinTicket", ticketId);
        await OfferToAsync(app, ticketId, Tech1);
        await tech1.Connection.InvokeAsync("JoinTicket", ticketId);
        await tech1.Connection.InvokeAsync("LeaveTicket", ticketId);

        Assert.Contains("You may not see this ticket.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_connection_is_refused()
    {
        await using var app = new InboxAppFactory();
        await using var anonymous = HubClients.Anonymous(app);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Internal_note_reaches_staff_but_not_the_assigned_technician()
    {
        await using var app = new InboxAppFactory();
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        await using var tech1 = await HubClients.ConnectAsync(app, Tech1);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "water heater broke", Customer);
        await Relay.RelayTestData.AssignAsync(app, ticketId);
        await tech1.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId);

        var note = await app.Services.GetRequiredService<TicketActions>()
            .AddNoteAsync(IntakeAgent, ChannelTestData.Agent, ticketId, "customer was rude last time, stay polite");
        Assert.True(note.Succeeded, note.Message);
        await ChannelTestData.CustomerWroteAsync(app, "are you coming today?", Customer);

        await intake.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c => c.Payload.GetProperty("direction").GetString() == "InternalNote");
        // Updates go out in the order they happened, so the later customer message proves the note was already passed over.
        await tech1.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c => c.Payload.GetProperty("text").GetString() == "are you coming today?");
        Assert.All(tech1.Received, c =>
        {
            Assert.DoesNotContain("InternalNote", c.Json, StringComparison.Ordinal);
            Assert.DoesNotContain("stay polite", c.Json, StringComparison.Ordinal);
        });
        await using var db = app.CreateDbContext();
        Assert.True(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Text == "customer was rude last time, stay polite"));
    }
}
