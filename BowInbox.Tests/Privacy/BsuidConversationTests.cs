using System.Text.Json;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Privacy;

/// <summary>
/// A whole job with a customer known only by a business-scoped user id (a username, no phone) and a provider who
/// starts by phone and switches to a BSUID mid-job: intake, offer, accept, relay both ways, /done. Each side stays one
/// person with one ticket, and no identifier of either (phone, BSUID, parent BSUID, username) reaches the other side,
/// a page, a hub payload, a log line or the database file.
/// </summary>
public sealed class BsuidConversationTests
{
    private const string Lucia = "MX.8817204519930047712";
    private const string LuciaNewId = "MX.5502917736410098823";
    private const string LuciaUsername = "lucia.m";
    private const string Tom = RoutingApp.TomWaId;
    private const string TomUserId = "US.40021199883377665544";
    private const string TomParentId = "US.ENT.77001122334455667788";

    private static readonly string[] LuciaIds = [Lucia, Lucia[3..], LuciaNewId, LuciaNewId[3..], LuciaUsername];
    private static readonly string[] TomIds = [Tom, Tom[1..], "555-010-0001", TomUserId, TomUserId[3..], TomParentId, TomParentId[7..]];

    [Fact]
    public async Task Bsuid_only_customer_and_provider_switching_to_bsuid_finish_a_job_without_any_identifier_crossing()
    {
        var app = new RoutingApp { KeepFolder = true };
        var hubs = new Dictionary<string, HubClient>();
        foreach (var email in new[] { "supervisor@demo.local", "intake@demo.local", "tech1@demo.local" })
        {
            hubs[email] = await HubClients.ConnectAsync(app, email);
        }

        try
        {
            var ticketId = await JobAsync(app);

            await using (var db = app.CreateDbContext())
            {
                // One customer, one ticket; Tom is still one provider, now known by his BSUID too.
                var contact = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!).SingleAsync();
                Assert.Equal(1, await db.Tickets.CountAsync(t => t.ContactId == contact.Id));
                Assert.NotNull(contact.UserIdHash);
                Assert.Equal(contact.UserIdHash, contact.WaIdHash);
                Assert.Single(await db.Providers.Where(p => p.UserIdHash != null).ToListAsync());
                Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "identity-changed"), "the re-key is on the timeline");
            }

            // Sends to Lucía go to her BSUID in "recipient", to Tom to his phone in "to" (Meta's advice): never the other's.
            Assert.Contains(app.Graph.Requests, r => r.Recipient == LuciaNewId && r.To is null);
            Assert.DoesNotContain(app.Graph.Requests, r => r.To is { } to && to.Contains('.', StringComparison.Ordinal));
            foreach (var request in app.Graph.Requests)
            {
                var toLucia = request.Recipient is not null;
                var body = request.Json.AsObject();
                body.Remove("to");
                body.Remove("recipient");
                AssertNone(toLucia ? TomIds : LuciaIds, body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), toLucia ? "a send to the customer" : "a send to Tom");
            }

            foreach (var (email, hub) in hubs)
            {
                Assert.Contains(hub.Received, c => c.TicketId == ticketId);
                Assert.All(hub.Received, call => AssertNone([.. LuciaIds, .. TomIds], call.Json, $"a hub payload to {email}"));
            }

            foreach (var (email, pages) in new Dictionary<string, string[]>
            {
                ["intake@demo.local"] = ["/inbox", $"/inbox/{ticketId}"],
                ["supervisor@demo.local"] = [$"/inbox/{ticketId}", $"/supervisor/sessions/{ticketId}"],
                ["tech1@demo.local"] = ["/queue", $"/queue/{ticketId}"],
            })
            {
                using var client = await Login.AsAsync(app, email);
                foreach (var page in pages)
                {
                    AssertNone([.. LuciaIds, .. TomIds], System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(page)), $"{page} as {email}");
                }
            }

            Assert.All(app.Logs.Lines, line => AssertNone([.. LuciaIds, .. TomIds], line, "a log line"));

            foreach (var hub in hubs.Values)
            {
                await hub.DisposeAsync();
            }

            await app.DisposeAsync();
            var files = DatabaseFiles.Of(app);
            Assert.Contains(files, f => DatabaseFiles.Contains(f.Bytes, "la llave del lavabo"));
            DatabaseFiles.AssertNone(files, [.. LuciaIds, .. TomIds]);
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

    /// <summary>The job through the real webhook, routing and relay; returns the ticket.</summary>
    private static async Task<int> JobAsync(RoutingApp app)
    {
        var http = app.CreateBrowserlessClient();
        await PostAsync(http, BsuidWebhooks.Text(null, Lucia, "Hola, se me rompió la llave del lavabo, estoy en el centro", "wamid.U1", RelayTestData.Central, "Lucía", LuciaUsername));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)), "the offer at Tom");
        var pool = app.Graph.Requests.First(r => r.To == Tom && RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)).PhoneNumberId;
        await PostAsync(http, Webhooks.Text(Tom, "/accept", "wamid.U2", phoneNumberId: pool, profileName: "Tom"));
        await using var db = app.CreateDbContext();
        var ticketId = await db.Messages.Where(m => m.Wamid == "wamid.U1").Select(m => m.TicketId).SingleAsync();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null), "the relay session");

        await PostAsync(http, BsuidWebhooks.Text(null, Lucia, "¿A qué hora llega?", "wamid.U3", RelayTestData.Central, "Lucía", LuciaUsername));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Text?.Contains("qué hora", StringComparison.Ordinal) == true), "Lucía's question at Tom");

        // Tom's app starts sending his BSUID beside his phone, then without it.
        await PostAsync(http, BsuidWebhooks.Text(Tom, TomUserId, "Llego a las 3", "wamid.U4", pool, "Tom", parentUserId: TomParentId));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.Recipient == Lucia && r.Text?.Contains("Llego a las 3", StringComparison.Ordinal) == true), "Tom's answer at Lucía's BSUID");

        // Lucía's BSUID changes mid-job: same customer, same ticket, sends follow the new one.
        await PostAsync(http, BsuidWebhooks.ChangedUserId(Lucia, LuciaNewId, "wamid.U5", RelayTestData.Central));
        await PostAsync(http, BsuidWebhooks.Text(null, LuciaNewId, "Perfecto, gracias", "wamid.U6", RelayTestData.Central, "Lucía", LuciaUsername));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Text?.Contains("Perfecto", StringComparison.Ordinal) == true), "Lucía's thanks at Tom");

        await PostAsync(http, BsuidWebhooks.Text(null, TomUserId, "Ya estoy en la puerta", "wamid.U7", pool, "Tom", parentUserId: TomParentId));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.Recipient == LuciaNewId && r.Text?.Contains("en la puerta", StringComparison.Ordinal) == true), "Tom's BSUID-only message at Lucía");
        await PostAsync(http, BsuidWebhooks.Text(null, TomUserId, "/done", "wamid.U8", pool, "Tom", parentUserId: TomParentId));

        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == Core.Tickets.TicketStatus.Resolved), "/done to resolve the job");
        await Eventually.TrueAsync(() => db.InboundEvents.AllAsync(e => e.ProcessedAt != null), "every webhook to be processed");
        return ticketId;
    }

    private static async Task PostAsync(HttpClient http, string webhook)
        => Assert.True((await Webhooks.PostSignedAsync(http, webhook)).IsSuccessStatusCode);

    private static void AssertNone(IEnumerable<string> ids, string text, string where)
    {
        foreach (var id in ids)
        {
            Assert.False(text.Contains(id, StringComparison.OrdinalIgnoreCase), $"{where} contains {id}");
        }
    }
}
