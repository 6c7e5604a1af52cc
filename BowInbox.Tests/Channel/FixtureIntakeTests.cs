using System.Net;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Channel;

/// <summary>Every real-shaped payload, posted signed, ends up stored as what it is.</summary>
public sealed class FixtureIntakeTests
{
    [Theory]
    [InlineData("inbound_text.json", "text", "Hi, my kitchen pipe is leaking badly. I'm downtown, near 5th and Main.")]
    [InlineData("inbound_text_unicode.json", "text", "Cañería rota 💧 — the drain under the sink, uptown. Gracias!")]
    [InlineData("inbound_image.json", "image", "This is the leak. Call me on 555 700 0001 if easier")]
    [InlineData("inbound_location.json", "location", null)]
    [InlineData("inbound_reaction.json", "reaction", "Reacted 👍")]
    [InlineData("inbound_unsupported.json", "unsupported", "Unsupported message")]
    public async Task Customer_fixture_is_stored_as_a_message_of_its_type(string fixture, string type, string? text)
    {
        await using var app = new InboxAppFactory();

        var message = await PostAndGetMessageAsync(app, fixture);

        Assert.Equal(type, message.Type);
        Assert.Equal(MessageDirection.FromCustomer, message.Direction);
        if (text is not null)
        {
            Assert.Equal(text, message.Text);
        }

        switch (type)
        {
            case "image":
                Assert.False(string.IsNullOrEmpty(message.MediaId));
                Assert.Equal("image/jpeg", message.MediaMimeType);
                Assert.Equal(text, message.Caption);
                break;
            case "location":
                Assert.Equal(40.7411, message.Latitude);
                Assert.Equal(-73.9897, message.Longitude);
                Assert.Equal("Home", message.LocationName);
                break;
            case "unsupported":
                Assert.Equal(131051, message.ErrorCode);
                break;
        }
    }

    [Theory]
    [InlineData("inbound_provider_reply_on_proxy.json", "text")]
    [InlineData("inbound_interactive_button_reply.json", "interactive")]
    [InlineData("inbound_template_quick_reply_button.json", "button")]
    [InlineData("inbound_contacts_card.json", "contacts")]
    public async Task Pool_number_fixture_is_kept_unrouted(string fixture, string type)
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.OK, (await Webhooks.PostSignedAsync(client, Fixtures.Bytes(fixture))).StatusCode);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.UnroutedMessages.AnyAsync(), $"{fixture} to be kept");
        var kept = await db.UnroutedMessages.SingleAsync();
        Assert.Equal(type, kept.Type);
        Assert.Equal(UnroutedReason.ProviderPool, kept.Reason);
        Assert.Equal(0, await db.Messages.CountAsync());
    }

    [Fact]
    public async Task Batch_with_two_entries_stores_every_message_and_status()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        await Webhooks.PostSignedAsync(client, Fixtures.Bytes("inbound_batch_two_entries.json"));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync() == 2, "both messages of the batch");
        Assert.Equal(2, await db.Tickets.CountAsync());
        Assert.Equal(2, await db.Contacts.CountAsync());
        var status = await db.StatusEvents.SingleAsync();
        Assert.Equal(DeliveryStatus.Read, status.Status);
    }

    [Theory]
    [InlineData("status_sent.json", DeliveryStatus.Sent)]
    [InlineData("status_delivered.json", DeliveryStatus.Delivered)]
    [InlineData("status_read.json", DeliveryStatus.Read)]
    [InlineData("status_failed_131026.json", DeliveryStatus.Failed)]
    [InlineData("status_failed_131047.json", DeliveryStatus.Failed)]
    public async Task Status_fixture_for_an_unknown_wamid_is_kept(string fixture, DeliveryStatus expected)
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        await Webhooks.PostSignedAsync(client, Fixtures.Bytes(fixture));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.StatusEvents.AnyAsync(), $"{fixture} to be kept");
        var status = await db.StatusEvents.SingleAsync();
        Assert.Equal(expected, status.Status);
        if (expected == DeliveryStatus.Failed)
        {
            Assert.NotNull(status.ErrorCode);
            Assert.False(string.IsNullOrEmpty(status.ErrorTitle));
        }
    }

    private static async Task<Message> PostAndGetMessageAsync(InboxAppFactory app, string fixture)
    {
        var client = app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await Webhooks.PostSignedAsync(client, Fixtures.Bytes(fixture))).StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(), $"{fixture} to be processed");
        return await db.Messages.SingleAsync();
    }
}
