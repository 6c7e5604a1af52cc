using System.Text.Json;
using BowInbox.Core.Scanning;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>Every text field around a relayed message's body (name, file name, place) goes through the scanner too.</summary>
public sealed class RelayFieldsTests
{
    private static readonly string[] CustomerDigits = ["0412 345 678", "0412345678", "412345678"];

    [Fact]
    public async Task A_profile_name_that_is_a_number_reaches_the_provider_as_the_alias()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        string alias;
        await using (var db = app.CreateDbContext())
        {
            alias = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!.Alias).SingleAsync();
        }

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way");

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(Customer, "are you close?", "wamid.NAME1", profileName: "0412345678"));

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("are you close?", StringComparison.Ordinal), "the message at the provider");
        Assert.Equal($"#{ticketId} {alias}: are you close?", app.Sent(session.PoolPhoneNumberId, Tom).Single(t => t.Contains("are you close?", StringComparison.Ordinal)));
        using var tech = await Login.AsAsync(app, "tech1@demo.local");
        var page = await tech.GetStringAsync($"/queue/{ticketId}");
        Assert.Contains("are you close?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0412345678", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0412345678", await tech.GetStringAsync("/queue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_named_with_a_number_is_relayed_under_a_neutral_name_and_recorded()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Send me the quote");

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.DOC1", Document("900000000000888", "Tom 0412 345 678.pdf")));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "document"), "the document at the provider");
        var document = app.Graph.Requests.Single(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "document");
        Assert.Equal("document.pdf", document.Json["document"]!["filename"]!.GetValue<string>());
        AssertNoDigits(document.Body);
        await using var db = app.CreateDbContext();
        var message = await db.Messages.SingleAsync(m => m.Wamid == "wamid.DOC1");
        Assert.Equal("document.pdf", message.Text);
        Assert.Equal("Tom 0412 345 678.pdf", app.Services.GetRequiredService<BowInbox.Web.Privacy.OriginalTexts>().Unprotect(message.OriginalText));
        Assert.True(await db.PolicyViolations.AnyAsync(v => v.MessageId == message.Id && v.Kind == ViolationKind.Phone));
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "media-unscanned"));
        using var tech = await Login.AsAsync(app, "tech1@demo.local");
        AssertNoDigits(await tech.GetStringAsync($"/queue/{ticketId}"));
    }

    [Fact]
    public async Task A_place_name_with_a_number_is_dropped_from_a_relayed_location()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Where exactly?");
        const string location = """
            "type":"location","location":{"latitude":40.7128,"longitude":-74.006,"name":"Call 0412 345 678","address":"12 Main St"}
            """;

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.LOC9", location));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "location"), "the location at the provider");
        var sent = app.Graph.Requests.Single(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "location");
        Assert.Equal("12 Main St", sent.Json["location"]!["address"]!.GetValue<string>());
        AssertNoDigits(sent.Body);
        await using var db = app.CreateDbContext();
        var message = await db.Messages.SingleAsync(m => m.Wamid == "wamid.LOC9");
        Assert.Equal("12 Main St", message.LocationName);
        AssertNoDigits(message.Text!);
        using var tech = await Login.AsAsync(app, "tech1@demo.local");
        AssertNoDigits(await tech.GetStringAsync($"/queue/{ticketId}"));
    }

    [Fact]
    public async Task A_photo_without_a_caption_is_recorded_as_relayed_unscanned()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Send me a photo");

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.IMG9", RelayWebhooks.Image("900000000000999", "")));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "image"), "the photo at the provider");
        await using var db = app.CreateDbContext();
        var unscanned = await db.TicketEvents.SingleAsync(e => e.TicketId == ticketId && e.Kind == "media-unscanned");
        Assert.Contains("image", unscanned.Detail, StringComparison.Ordinal);
        Assert.Contains("no caption", unscanned.Detail, StringComparison.Ordinal);
    }

    private static string Document(string mediaId, string fileName)
        => "\"type\":\"document\",\"document\":{\"filename\":" + JsonSerializer.Serialize(fileName) + ",\"mime_type\":\"application/pdf\",\"sha256\":\"abc\",\"id\":" + JsonSerializer.Serialize(mediaId) + "}";

    private static void AssertNoDigits(string text)
    {
        foreach (var digits in CustomerDigits)
        {
            Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
        }
    }
}
