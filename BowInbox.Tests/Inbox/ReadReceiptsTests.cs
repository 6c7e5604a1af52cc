using System.Security.Claims;
using System.Text.Json.Nodes;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Inbox;

/// <summary>WhatsApp:SendReadReceipts: read receipts on opening a conversation and a throttled typing indicator.</summary>
public sealed class ReadReceiptsTests
{
    private static readonly ClaimsPrincipal Intake = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "intake-user"), new Claim(ClaimTypes.Name, "intake@demo.local"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));

    private static readonly ClaimsPrincipal Technician = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "tech-user"), new Claim(ClaimTypes.Name, "tech@demo.local"), new Claim(ClaimTypes.Role, Roles.Technician)], "test"));

    [Fact]
    public async Task Opening_marks_the_last_customer_message_read_and_typing_shows_the_indicator_once_per_20_seconds()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:SendReadReceipts"] = "true";
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "first");
        await ChannelTestData.CustomerWroteAsync(app, "second");
        await using var db = app.CreateDbContext();
        var last = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer).OrderByDescending(m => m.Id).Select(m => m.Wamid).FirstAsync();
        var receipts = app.Services.GetRequiredService<ReadReceipts>();
        var ct = TestContext.Current.CancellationToken;

        Assert.False(await receipts.ConversationOpenedAsync(Technician, ticketId, ct));
        Assert.True(await receipts.ConversationOpenedAsync(Intake, ticketId, ct));

        await Eventually.TrueAsync(() => Task.FromResult(app.Graph.Requests.Count == 1), "the read receipt to be sent");
        var expected = JsonNode.Parse(Fixtures.Text("send_mark_read_request.json"))!;
        expected["message_id"] = last;
        var read = Assert.Single(app.Graph.Requests);
        Assert.True(JsonNode.DeepEquals(expected, read.Json), read.Body);
        Assert.Equal(Webhooks.OurNumber, read.PhoneNumberId);

        Assert.True(await receipts.AgentTypingAsync(Intake, ticketId, ct));
        Assert.False(await receipts.AgentTypingAsync(Intake, ticketId, ct));

        await Eventually.TrueAsync(() => Task.FromResult(app.Graph.Requests.Count == 2), "the typing indicator to be sent");
        expected["typing_indicator"] = new JsonObject { ["type"] = "text" };
        var typing = app.Graph.Requests.Last();
        Assert.True(JsonNode.DeepEquals(expected, typing.Json), typing.Body);
        Assert.Null(typing.To);
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_setting_is_off()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        var receipts = app.Services.GetRequiredService<ReadReceipts>();

        Assert.False(await receipts.ConversationOpenedAsync(Intake, ticketId, TestContext.Current.CancellationToken));
        Assert.False(await receipts.AgentTypingAsync(Intake, ticketId, TestContext.Current.CancellationToken));

        await using var db = app.CreateDbContext();
        Assert.False(await db.Outbox.AnyAsync(o => o.Kind == OutboxKind.MarkRead, TestContext.Current.CancellationToken));
        Assert.Empty(app.Graph.Requests);
    }
}
