using BowInbox.Core.Channel;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Privacy;

/// <summary>
/// Whoever copies the database (a backup, a stolen disk) must not be able to map an alias to a number: no customer or
/// provider number may be in the SQLite file or its write-ahead log, in any form a grep would find.
/// </summary>
public sealed class AtRestTests
{
    private const string Caller = "61412345678";

    // The caller's business-scoped user ids (BSUIDs), which Meta sends beside or instead of the number.
    private const string CallerUserId = "AU.13491208655302741918";
    private const string CallerParentUserId = "AU.ENT.99887766554433221100";
    private const string CallerUsername = "maria.caller";

    // Tom's BSUID, which his app starts sending mid-job.
    private const string TomUserId = "US.55123409876123409876";

    // Each party's number as WhatsApp writes it and as a person would type it.
    private static readonly string[] Numbers =
    [
        Caller, "+61412345678", "+61 412 345 678", "0412345678", "0412 345 678", "412345678", "412 345 678",
        Tom, "+15550100001", "+1 555-010-0001", "5550100001", "555 010 0001", "555-010-0001",
        CallerUserId, CallerParentUserId, "13491208655302741918", CallerUsername, TomUserId, "55123409876123409876",
    ];

    [Fact]
    public async Task After_a_full_conversation_the_database_file_and_its_log_hold_no_party_s_number()
    {
        var app = new InboxAppFactory { KeepFolder = true };
        try
        {
            await ConverseAsync(app);

            // As the running app leaves them: the database file and the write-ahead log beside it.
            var live = Files(app);
            Assert.Contains(live, f => Contains(f.Bytes, "Burst pipe under the sink"));
            AssertNoNumber(live);
            Assert.DoesNotContain(app.Logs.Lines, line => Numbers.Any(n => line.Contains(n, StringComparison.Ordinal)));

            // Stopped: the log is checkpointed into the database file, which is all that is left to copy.
            await app.DisposeAsync();
            var closed = Files(app);
            Assert.Contains(closed, f => f.Name.EndsWith(".db", StringComparison.Ordinal) && Contains(f.Bytes, "Burst pipe under the sink"));
            AssertNoNumber(closed);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(app.Folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_purged_event_stored_in_clear_before_the_upgrade_leaves_no_trace_in_the_free_pages()
    {
        var app = new InboxAppFactory { KeepFolder = true };
        try
        {
            var now = DateTime.UtcNow;
            await using (var db = app.CreateDbContext())
            {
                // As an event was stored before payloads were encrypted, processed long ago.
                db.InboundEvents.Add(new InboundEvent { Payload = Webhooks.Text(Caller, "legacy event", "wamid.LEGACY"), ReceivedAt = now.AddDays(-10), ProcessedAt = now.AddDays(-10), Attempts = 1 });
                await db.SaveChangesAsync();
            }

            var job = app.Services.GetRequiredService<InboundEventPurgeJob>();
            Assert.Equal(1, await job.RunAsync(CancellationToken.None));

            await app.DisposeAsync();
            var closed = Files(app);
            Assert.Contains(closed, f => f.Name.EndsWith(".db", StringComparison.Ordinal));
            AssertNoNumber(closed);
            Assert.DoesNotContain(closed, f => Contains(f.Bytes, "legacy event"));
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(app.Folder, recursive: true);
        }
    }

    /// <summary>
    /// A customer asks for help, shares a location and their own contact card, and talks with the technician, who shares
    /// his card too and closes the job; every send is delivered and reported back with the recipient's number.
    /// </summary>
    private static async Task ConverseAsync(InboxAppFactory app)
    {
        var (ticketId, session) = await AssignedConversationAsync(app, customer: Caller, firstText: "Burst pipe under the sink");
        var client = app.CreateBrowserlessClient();
        await PostAsync(client, Webhooks.Message(Caller, Central, "wamid.LOC", RelayWebhooks.Location));
        await PostAsync(client, Webhooks.Message(Caller, Central, "wamid.CARD", Card("Maria Lopez", "+61 412 345 678", Caller)));
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way, about 3pm");
        await PostAsync(client, Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.TOMCARD", Card("Tom Baker", "+1 555-010-0001", Tom), profileName: TomName));
        await CustomerWritesAsync(app, "Thanks, see you then. Or call me on 0412 345 678", customer: Caller);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Text me on 555-010-0001 if the gate is locked");
        await PostAsync(client, WithUserIds(Webhooks.Text(Caller, "Is 3pm still fine?", "wamid.BSUID")));

        // The caller hides their phone (a username), and Tom's app sends his BSUID beside his phone, then alone.
        await PostAsync(client, WithUserIds(Webhooks.Text(Caller, "Running a bit late?", "wamid.BSUIDONLY"), withoutPhone: true));
        await PostAsync(client, BsuidWebhooks.Text(Tom, TomUserId, "Parking now", "wamid.TOMBSUID1", session.PoolPhoneNumberId, TomName));
        await PostAsync(client, BsuidWebhooks.Text(null, TomUserId, "At the gate", "wamid.TOMBSUID2", session.PoolPhoneNumberId, TomName));
        await app.WaitForSendAsync(Central, Caller, t => t.Contains("At the gate", StringComparison.Ordinal), "Tom's BSUID-only message at the caller");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "/done");
        await app.WaitForSendAsync(Central, Caller, t => t.StartsWith("Thanks, Maria!", StringComparison.Ordinal), "the thanks at the customer");

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent || o.Status == OutboxStatus.Failed), "every send to be answered");
        var sent = await db.Outbox.AsNoTracking().Where(o => o.Wamid != null).Select(o => new { o.Wamid, o.FromPhoneNumberId }).ToListAsync();
        Assert.NotEmpty(sent);
        foreach (var row in sent)
        {
            var status = Webhooks.Status(row.Wamid!, "delivered", row.FromPhoneNumberId == Central ? Caller : Tom, row.FromPhoneNumberId);
            await PostAsync(client, row.FromPhoneNumberId == Central ? WithUserIds(status) : status);
        }

        await Eventually.TrueAsync(() => db.InboundEvents.AllAsync(e => e.ProcessedAt != null), "every webhook to be processed");
        Assert.True(await db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == Core.Tickets.TicketStatus.Resolved), "the job was closed");
        Assert.True(await db.StatusEvents.AnyAsync(), "the statuses were recorded");
    }

    /// <summary>The webhook with the caller's user ids where Meta puts them (contacts, messages, statuses).</summary>
    private static string WithUserIds(string webhook, bool withoutPhone = false)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(webhook)!;
        var value = node["entry"]![0]!["changes"]![0]!["value"]!;
        foreach (var contact in value["contacts"]?.AsArray() ?? [])
        {
            contact!["user_id"] = CallerUserId;
            contact["parent_user_id"] = CallerParentUserId;
            contact["profile"]!["username"] = CallerUsername;
            if (withoutPhone)
            {
                contact.AsObject().Remove("wa_id");
            }
        }

        foreach (var message in value["messages"]?.AsArray() ?? [])
        {
            message!["from_user_id"] = CallerUserId;
            message["from_parent_user_id"] = CallerParentUserId;
            if (withoutPhone)
            {
                message.AsObject().Remove("from");
            }
        }

        foreach (var status in value["statuses"]?.AsArray() ?? [])
        {
            status!["recipient_user_id"] = CallerUserId;
            status["parent_recipient_user_id"] = CallerParentUserId;
        }

        return node.ToJsonString();
    }

    private static string Card(string name, string phone, string waId)
        => $$"""
        "type":"contacts","contacts":[{"name":{"formatted_name":"{{name}}"},"phones":[{"phone":"{{phone}}","wa_id":"{{waId}}","type":"CELL"}]}]
        """;

    private static async Task PostAsync(HttpClient client, string webhook)
        => Assert.True((await Webhooks.PostSignedAsync(client, webhook)).IsSuccessStatusCode);

    private static List<(string Name, byte[] Bytes)> Files(InboxAppFactory app) => DatabaseFiles.Of(app);

    private static void AssertNoNumber(List<(string Name, byte[] Bytes)> files) => DatabaseFiles.AssertNone(files, Numbers);

    private static bool Contains(byte[] bytes, string text) => DatabaseFiles.Contains(bytes, text);
}
