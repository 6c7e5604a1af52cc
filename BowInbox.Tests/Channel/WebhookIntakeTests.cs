using System.Net;
using System.Text;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Channel;

public sealed class WebhookIntakeTests
{
    [Fact]
    public async Task Signed_text_webhook_creates_contact_ticket_and_message()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        var response = await Webhooks.PostSignedAsync(client, Fixtures.Bytes("inbound_text.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(), "the message to be processed");
        var contact = await db.Contacts.SingleAsync();
        Assert.Matches("^C-[0-9A-Z]{5}$", contact.Alias);
        Assert.Equal("Maria Lopez", contact.ProfileName);
        Assert.DoesNotContain("15557000001", contact.WaIdProtected);
        Assert.DoesNotContain("15557000001", contact.WaIdHash);
        var ticket = await db.Tickets.SingleAsync();
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(contact.Id, ticket.ContactId);
        Assert.Equal(1, ticket.UnreadCount);
        var message = await db.Messages.SingleAsync();
        Assert.Equal(MessageDirection.FromCustomer, message.Direction);
        Assert.StartsWith("Hi, my kitchen pipe is leaking badly", message.Text);
        Assert.Equal($"{contact.Alias} Maria", message.AuthorName);
        Assert.Contains(await db.TicketEvents.ToListAsync(), e => e.TicketId == ticket.Id && e.Kind == "created");
    }

    [Fact]
    public async Task A_second_message_from_the_same_customer_joins_their_open_ticket()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000001", "first"));
        await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000001", "second"));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync() == 2, "both messages processed");
        Assert.Equal(1, await db.Tickets.CountAsync());
        Assert.Equal(1, await db.Contacts.CountAsync());
        Assert.Equal("second", (await db.Tickets.SingleAsync()).LastMessagePreview);
    }

    [Fact]
    public async Task Forged_webhook_is_refused_and_creates_nothing()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = Fixtures.Bytes("inbound_text.json");

        var wrongSecret = await Webhooks.PostSignedAsync(client, body, secret: "not-the-secret");
        var unsigned = await Webhooks.PostUnsignedAsync(client, body, signature: null);
        var garbage = await Webhooks.PostUnsignedAsync(client, body, signature: "sha256=zz");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboundEvents.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
        Assert.Equal(0, await db.Tickets.CountAsync());
    }

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("""{"object":"page","entry":[]}""", "whatsapp_business_account")]
    [InlineData("""{"object":"whatsapp_business_account"}""", "entry")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"100000000000001"},"messages":[{"from":"15557000001","timestamp":"1795400000","type":"text","text":{"body":"no id"}}]}}]}]}""", "id")]
    public async Task Signed_but_malformed_webhook_gets_400_and_changes_nothing(string body, string expectedInError)
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        var response = await Webhooks.PostSignedAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expectedInError, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboundEvents.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Oversized_webhook_is_refused_with_413(bool withoutDeclaredLength)
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var huge = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}");

        var response = withoutDeclaredLength ? await Webhooks.PostSignedChunkedAsync(client, huge) : await Webhooks.PostSignedAsync(client, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboundEvents.CountAsync());
    }

    [Fact]
    public async Task Webhook_without_a_declared_length_is_read_whole_and_processed()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        // Padded past one read's worth, so the body arrives in several pieces.
        var webhook = System.Text.Json.Nodes.JsonNode.Parse(Webhooks.Text("15557000001", "chunked hello"))!;
        webhook["pad"] = new string('x', 40 * 1024);

        var response = await Webhooks.PostSignedChunkedAsync(client, Encoding.UTF8.GetBytes(webhook.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(), "the message to be processed");
        Assert.Equal("chunked hello", (await db.Messages.SingleAsync()).Text);
    }

    [Fact]
    public async Task Same_delivery_posted_three_times_concurrently_is_stored_once()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = Fixtures.Bytes("inbound_text.json");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Webhooks.PostSignedAsync(client, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.InboundEvents.CountAsync(e => e.ProcessedAt != null) == 1, "the delivery processed");
        Assert.Equal(1, await db.InboundEvents.CountAsync());
        Assert.Equal(1, await db.Messages.CountAsync());
        Assert.Equal(1, await db.Tickets.CountAsync());
        Assert.Equal(1, (await db.Tickets.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task A_delivery_replayed_after_it_was_processed_is_answered_200_and_not_stored_again()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = Encoding.UTF8.GetBytes(Webhooks.Text("15557000941", "replayed by Meta", "wamid.REPLAYED"));
        Assert.Equal(HttpStatusCode.OK, (await Webhooks.PostSignedAsync(client, body)).StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.InboundEvents.AnyAsync(e => e.ProcessedAt != null), "the first delivery processed");

        var replays = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Webhooks.PostSignedAsync(client, body)));
        var other = await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000941", "a new message", "wamid.NEWONE"));

        Assert.All(replays, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.NEWONE"), "the new message processed");
        Assert.Equal(2, await db.InboundEvents.CountAsync());
        Assert.Equal(1, await db.Messages.CountAsync(m => m.Wamid == "wamid.REPLAYED"));
        Assert.Equal(2, (await db.Tickets.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task Message_on_a_pool_number_is_kept_for_the_relay_not_dropped()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        await Webhooks.PostSignedAsync(client, Fixtures.Bytes("inbound_provider_reply_on_proxy.json"));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.UnroutedMessages.AnyAsync(), "the pool message to be kept");
        var kept = await db.UnroutedMessages.SingleAsync();
        Assert.Equal(BowInbox.Core.Channel.UnroutedReason.ProviderPool, kept.Reason);
        Assert.DoesNotContain("1555010000", kept.FromProtected);
        Assert.DoesNotContain("1555010000", kept.RawJson);
        Assert.Equal(0, await db.Tickets.CountAsync());
    }
}
