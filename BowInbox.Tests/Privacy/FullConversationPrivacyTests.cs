using System.Text.Json;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Privacy;

/// <summary>
/// One whole conversation, tried as an attacker would: offer, accept, relay both ways with numbers in texts, names,
/// file names and places, then /done, with a hub client per role connected throughout. No other party's number may
/// show anywhere a person or a log can read it.
/// </summary>
public sealed class FullConversationPrivacyTests
{
    private const string Customer = RoutingApp.Customer;
    private const string Tom = RoutingApp.TomWaId;

    // What the customer and Tom are, as WhatsApp writes them and as people type them.
    private static readonly string[] CustomerNumbers = [Customer, Customer[1..], "555 700 0001", "555-700-0001", "0412 345 678", "0412345678", "412345678", "rosa@mail.example"];
    private static readonly string[] TomNumbers = [Tom, Tom[1..], "555 010 0001", "555-010-0001", "5550100001", "tom.plumbing@example.com"];

    [Fact]
    public async Task No_party_ever_sees_the_others_number_in_a_send_page_hub_payload_log_export_or_the_database()
    {
        var app = new RoutingApp { KeepFolder = true };
        var hubs = new Dictionary<string, HubClient>();
        foreach (var email in new[] { "admin@demo.local", "supervisor@demo.local", "intake@demo.local", "tech1@demo.local", "tech2@demo.local" })
        {
            hubs[email] = await HubClients.ConnectAsync(app, email);
        }

        try
        {
            var ticketId = await ConversationAsync(app);

            foreach (var request in app.Graph.Requests)
            {
                var body = request.Json.AsObject();
                var to = body["to"]?.GetValue<string>();
                body.Remove("to");
                var json = body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                AssertNone(to == Customer ? TomNumbers : CustomerNumbers, json, $"a send to {(to == Customer ? "the customer" : "a provider")}");
            }

            foreach (var (email, hub) in hubs)
            {
                // Ana was never offered the job: she hears nothing of it.
                Assert.Equal(email != "tech2@demo.local", hub.Received.Any(c => c.TicketId == ticketId));
                foreach (var call in hub.Received)
                {
                    AssertNone([.. CustomerNumbers, .. TomNumbers], call.Json, $"a hub payload to {email}");
                }
            }

            foreach (var (email, pages) in new Dictionary<string, string[]>
            {
                ["intake@demo.local"] = ["/inbox", $"/inbox/{ticketId}"],
                ["supervisor@demo.local"] = ["/inbox", $"/inbox/{ticketId}", "/supervisor", $"/supervisor/sessions/{ticketId}", $"/supervisor/sessions/{ticketId}/print"],
                ["admin@demo.local"] = [$"/inbox/{ticketId}", "/admin/users"],
                ["tech1@demo.local"] = ["/queue", $"/queue/{ticketId}"],
                ["tech2@demo.local"] = ["/queue", $"/queue/{ticketId}"],
            })
            {
                using var client = await Login.AsAsync(app, email);
                foreach (var page in pages)
                {
                    AssertNone([.. CustomerNumbers, .. TomNumbers], System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(page)), $"{page} as {email}");
                }
            }

            using var supervisor = await Login.AsAsync(app, "supervisor@demo.local");
            foreach (var format in new[] { "csv", "json" })
            {
                var export = await Login.PostFormFromAsync(supervisor, $"/supervisor/sessions/{ticketId}", $"/supervisor/sessions/{ticketId}/export.{format}");
                Assert.True(export.IsSuccessStatusCode);
                AssertNone([.. CustomerNumbers, .. TomNumbers], await export.Content.ReadAsStringAsync(), $"the {format} export");
            }

            Assert.NotEmpty(app.Logs.Lines);
            foreach (var line in app.Logs.Lines)
            {
                AssertNone([Customer, Customer[1..], Tom, Tom[1..], "0412 345 678", "555-010-0001"], line, "a log line");
            }

            foreach (var hub in hubs.Values)
            {
                await hub.DisposeAsync();
            }

            // Stopped, the write-ahead log checkpointed: the database file is what a backup or a stolen disk holds.
            await app.DisposeAsync();
            var files = DatabaseFiles.Of(app);
            Assert.Contains(files, f => DatabaseFiles.Contains(f.Bytes, "burst pipe under the sink"));
            DatabaseFiles.AssertNone(files, [.. CustomerNumbers, .. TomNumbers]);
        }
        finally
        {
            foreach (var hub in hubs.Values)
            {
                await hub.DisposeAsync();
            }

            await app.DisposeAsync();
            Directory.Delete(app.Folder, recursive: true);
        }
    }

    /// <summary>The conversation through the real webhook, routing and relay; returns the ticket.</summary>
    private static async Task<int> ConversationAsync(RoutingApp app)
    {
        var http = app.CreateBrowserlessClient();

        // Every kind of leak is tried here on purpose: no pause, so each field of every message crosses the relay.
        var never = Enum.GetValues<BowInbox.Core.Scanning.ViolationKind>().ToDictionary(k => k, _ => new BowInbox.Core.Scanning.PauseThreshold(0, 24));
        Assert.Null(await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BowInbox.Web.Offenders.PauseLifting>(app.Services).SaveThresholdsAsync(
            BowInbox.Tests.Relay.RelayTestData.Staff(BowInbox.Data.Identity.Roles.Admin, "admin@demo.local"), never));

        // The provider's document is a real PDF that scans clean, so it is relayed (an unreadable one would be held for review).
        app.Graph.MediaFiles["900000000000502"] = (File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "media", "quote.pdf")), "application/pdf");
        await Webhooks.PostSignedAsync(http, Webhooks.Text(Customer, "burst pipe under the sink, downtown", "wamid.P1", profileName: "0412 345 678"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)), "the offer at Tom");
        var pool = app.Graph.Requests.First(r => r.To == Tom && RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)).PhoneNumberId;
        await Webhooks.PostSignedAsync(http, Webhooks.Text(Tom, "/accept", "wamid.P2", phoneNumberId: pool, profileName: "Tom 555-010-0001"));
        await using var db = app.CreateDbContext();
        var ticketId = await db.Messages.Where(m => m.Wamid == "wamid.P1").Select(m => m.TicketId).SingleAsync();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null), "the relay session");

        await Webhooks.PostSignedAsync(http, Webhooks.Text(Customer, "call me on 0412 345 678 or rosa@mail.example", "wamid.P3", profileName: "0412 345 678"));
        await Webhooks.PostSignedAsync(http, Webhooks.Text(Tom, "Text me on 555-010-0001 or tom.plumbing@example.com", "wamid.P4", phoneNumberId: pool, profileName: "Tom 555-010-0001"));
        await Webhooks.PostSignedAsync(http, Webhooks.Message(Customer, RelayTestData.Central, "wamid.P5", Document("900000000000501", "Rosa 0412 345 678.pdf"), profileName: "0412 345 678"));
        await Webhooks.PostSignedAsync(http, Webhooks.Message(Customer, RelayTestData.Central, "wamid.P6",
            PlaceWithNumbers, profileName: "0412 345 678"));
        await Webhooks.PostSignedAsync(http, Webhooks.Message(Tom, pool, "wamid.P7", Document("900000000000502", "Tom 555 010 0001.pdf"), profileName: "Tom 555-010-0001"));
        await Webhooks.PostSignedAsync(http, Webhooks.Text(Tom, "/done", "wamid.P8", phoneNumberId: pool, profileName: "Tom 555-010-0001"));

        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == Core.Tickets.TicketStatus.Resolved), "/done to resolve the job");
        await Eventually.TrueAsync(
            () => app.Graph.Requests.Count(r => r.To == Customer && r.Json["type"]?.GetValue<string>() == "document") == 1
                && app.Graph.Requests.Count(r => r.To == Tom && r.Json["type"]?.GetValue<string>() is "document" or "location") == 2,
            "every relayed file and place to be sent", 30_000);
        return ticketId;
    }

    private const string PlaceWithNumbers = """
        "type":"location","location":{"latitude":40.7128,"longitude":-74.006,"name":"Call 0412 345 678","address":"12 Main St, rosa@mail.example"}
        """;

    private static string Document(string mediaId, string fileName)
        => "\"type\":\"document\",\"document\":{\"filename\":" + JsonSerializer.Serialize(fileName) + ",\"mime_type\":\"application/pdf\",\"sha256\":\"abc\",\"id\":" + JsonSerializer.Serialize(mediaId) + "}";

    private static void AssertNone(IEnumerable<string> numbers, string text, string where)
    {
        foreach (var number in numbers)
        {
            Assert.False(text.Contains(number, StringComparison.OrdinalIgnoreCase), $"{where} contains {number}: {Around(text, number)}");
        }
    }

    private static string Around(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.OrdinalIgnoreCase);
        return text[Math.Max(0, at - 120)..Math.Min(text.Length, at + found.Length + 120)];
    }
}
