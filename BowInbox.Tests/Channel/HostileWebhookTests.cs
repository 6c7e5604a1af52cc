using System.Net;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Channel;

/// <summary>Signed webhooks that are valid JSON but carry text or numbers the app cannot use as they are.</summary>
public sealed class HostileWebhookTests
{
    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("\\ude00\\ud83d")]
    public async Task An_escaped_lone_surrogate_is_stored_with_a_replacement_character_and_answered_200(string escaped)
    {
        await using var app = new InboxAppFactory();
        var body = Webhooks.Change($$$"""
            "contacts":[{"profile":{"name":"Maria {{{escaped}}}"},"wa_id":"15557000001"}],
            "messages":[{"from":"15557000001","id":"wamid.S1","timestamp":"1795400000","type":"text","text":{"body":"tap {{{escaped}}} leaks"}}]
            """);

        var response = await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.S1"), "the message to be processed");
        var message = await db.Messages.SingleAsync(m => m.Wamid == "wamid.S1");
        Assert.Matches("^tap \ufffd+ leaks$", message.Text);
        Assert.StartsWith("Maria \ufffd", (await db.Contacts.SingleAsync()).ProfileName);
        Assert.All(await db.InboundEvents.ToListAsync(), e => Assert.Null(e.LastError));
    }

    [Theory]
    [InlineData("\"NaN\"", "\"NaN\"")]
    [InlineData("\"Infinity\"", "0")]
    [InlineData("1e999", "0")]
    [InlineData("0", "-200")]
    public async Task A_location_without_usable_coordinates_is_stored_once_and_the_next_message_follows(string latitude, string longitude)
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = Webhooks.WithMessage($$$"""
            {"from":"15557000001","id":"wamid.L1","timestamp":"1795400000","type":"location","location":{"latitude":{{{latitude}}},"longitude":{{{longitude}}},"name":"Home"}}
            """);

        var response = await Webhooks.PostSignedAsync(client, body);
        await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000001", "still there?", "wamid.L2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.L2"), "the next message to be processed");
        var location = await db.Messages.SingleAsync(m => m.Wamid == "wamid.L1");
        Assert.Equal((null, null), (location.Latitude, location.Longitude));
        Assert.Equal("📍 A location that could not be read", location.Text);
        Assert.All(await db.InboundEvents.ToListAsync(), e => Assert.Null(e.LastError));
    }

    [Theory]
    [InlineData("\uffff")]
    [InlineData("\ufffe")]
    [InlineData("\U0010FFFF")]
    public async Task A_noncharacter_in_the_customers_text_does_not_stop_intake(string noncharacter)
    {
        await using var app = new RoutingApp();

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, $"burst pipe{noncharacter} under the sink, downtown");

        await app.PendingOfferAsync(ticketId);
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(("plumbing", "downtown", TicketStatus.Offered), (ticket.ServiceType, ticket.Area, ticket.Status));
        Assert.Contains(await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync(), k => k == LeadIntake.Acknowledged);
    }

    [Fact]
    public async Task A_ticket_left_in_intake_by_such_a_message_is_taken_up_at_the_next_start()
    {
        string folder;
        int ticketId;
        await using (var first = new InboxAppFactory { KeepFolder = true })
        {
            ticketId = await ChannelTestData.CustomerWroteAsync(first, "burst pipe\ufffe under the sink, downtown");
            folder = first.Folder;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = new RoutingApp(new FakeTimeProvider(DateTimeOffset.UtcNow), folder);

        await restarted.PendingOfferAsync(ticketId);
        await using var db = restarted.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(("plumbing", "downtown"), (ticket.ServiceType, ticket.Area));
    }
}
