using BowInbox.Core.Channel;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Relay;

/// <summary>
/// The processor applies events in groups, with the contacts, open tickets, sessions and windows of the whole group
/// read up front and the group saved together: each message must still land exactly where it would alone.
/// </summary>
public sealed class InboundGroupTests
{
    private const string Anna = "15557000501";
    private const string Dan = "15557000502";
    private const string Cleo = "15557000503";
    private const string Newcomer = "15557000504";

    private static readonly DateTimeOffset AnnaLatest = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 120);

    [Fact]
    public async Task Messages_applied_as_one_group_each_land_on_their_own_ticket_and_only_those_with_a_session_are_relayed()
    {
        await using var app = new InboxAppFactory();
        var (annaTicket, annaSession) = await RelayTestData.AssignedConversationAsync(app, Anna, "Leaking tap");
        var (danTicket, danSession) = await RelayTestData.AssignedConversationAsync(app, Dan, "Blocked drain");
        var cleoTicket = await ChannelTestData.CustomerWroteAsync(app, "Still deciding", Cleo);
        int annaUnread;
        await using (var db = app.CreateDbContext())
        {
            annaUnread = (await db.Tickets.SingleAsync(t => t.Id == annaTicket)).UnreadCount;

            // Stored in one go: the processor reads and applies them as one group. Anna's first message was
            // written after her second (Meta does not promise order).
            db.InboundEvents.AddRange(
                Event(Anna, "anna one", "wamid.GROUP-A1", AnnaLatest),
                Event(Dan, "dan one", "wamid.GROUP-D1"),
                Event(Anna, "anna two", "wamid.GROUP-A2", AnnaLatest.AddMinutes(-1)),
                Event(Newcomer, "newcomer one", "wamid.GROUP-N1"),
                Event(Cleo, "cleo one", "wamid.GROUP-C1"),
                Event(Newcomer, "newcomer two", "wamid.GROUP-N2"));
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.InboundEvents.AllAsync(e => e.ProcessedAt != null), "the group to be processed");
        Assert.All(await check.InboundEvents.AsNoTracking().ToListAsync(), e => Assert.Equal((1, null), (e.Attempts, e.LastError)));

        var stored = await check.Messages.AsNoTracking().Where(m => m.Wamid!.StartsWith("wamid.GROUP-")).ToDictionaryAsync(m => m.Wamid!, m => m.TicketId);
        Assert.Equal(6, stored.Count);
        Assert.Equal(annaTicket, stored["wamid.GROUP-A1"]);
        Assert.Equal(annaTicket, stored["wamid.GROUP-A2"]);
        Assert.Equal(danTicket, stored["wamid.GROUP-D1"]);
        Assert.Equal(cleoTicket, stored["wamid.GROUP-C1"]);

        // The newcomer's two messages start one new ticket, not two.
        Assert.Equal(stored["wamid.GROUP-N1"], stored["wamid.GROUP-N2"]);
        Assert.DoesNotContain(stored["wamid.GROUP-N1"], new[] { annaTicket, danTicket, cleoTicket });
        Assert.Equal(4, await check.Tickets.CountAsync());
        Assert.Equal(annaUnread + 2, (await check.Tickets.SingleAsync(t => t.Id == annaTicket)).UnreadCount);

        // Relayed in order on each session's own pool number; the intake and new tickets have no session, so nothing goes out.
        await app.WaitForSendAsync(annaSession.PoolPhoneNumberId, RelayTestData.Tom, t => t.Contains("anna two", StringComparison.Ordinal), "Anna's second message to be relayed");
        await app.WaitForSendAsync(danSession.PoolPhoneNumberId, RelayTestData.Tom, t => t.Contains("dan one", StringComparison.Ordinal), "Dan's message to be relayed");
        var toTomForAnna = app.Sent(annaSession.PoolPhoneNumberId, RelayTestData.Tom).Where(t => t.Contains("anna", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toTomForAnna.Count);
        Assert.Contains("anna one", toTomForAnna[0], StringComparison.Ordinal);
        Assert.DoesNotContain(app.Sent(danSession.PoolPhoneNumberId, RelayTestData.Tom), t => t.Contains("anna", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Graph.Requests, r => (r.Text ?? r.Body).Contains("cleo one", StringComparison.Ordinal) || (r.Text ?? r.Body).Contains("newcomer", StringComparison.Ordinal));

        // A sender's window runs from their latest message, whatever the order of delivery.
        var annaHash = await check.Contacts.Where(c => c.Id == check.Tickets.Single(t => t.Id == annaTicket).ContactId).Select(c => c.WaIdHash).SingleAsync();
        var window = await check.ConversationWindows.SingleAsync(w => w.PhoneNumberId == RelayTestData.Central && w.WaIdHash == annaHash);
        Assert.Equal(AnnaLatest.UtcDateTime, window.LastInboundAt);
    }

    [Fact]
    public async Task A_providers_replies_and_a_command_applied_as_one_group_keep_their_order()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await RelayTestData.AssignedConversationAsync(app, Anna, "Leaking tap");
        var pool = session.PoolPhoneNumberId;

        // One webhook with what Tom wrote, in order: a reply, /done, and one more line after it. One group of events.
        var webhook = Webhooks.Batch(new[] { ("fixed it, all dry now", "wamid.GROUP-T1"), ("/done", "wamid.GROUP-T2"), ("one more thing", "wamid.GROUP-T3") }
            .Select(m => Webhooks.Text(RelayTestData.Tom, m.Item1, m.Item2, pool, RelayTestData.TomName)));

        await using (var db = app.CreateDbContext())
        {
            db.InboundEvents.Add(new InboundEvent { Payload = webhook, ReceivedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.InboundEvents.AllAsync(e => e.ProcessedAt != null), "the group to be processed");
        Assert.All(await check.InboundEvents.AsNoTracking().ToListAsync(), e => Assert.Null(e.LastError));

        // The reply before /done reached Anna, ahead of the thanks for the finished job; the line after it did not
        // (the job is closed): Tom was told so.
        await app.WaitForSendAsync(pool, RelayTestData.Tom, t => t == BowInbox.Web.Relay.RelayNotices.NoOpenJob, "Tom to be told his last line was not passed on");
        var toAnna = app.Sent(RelayTestData.Central, Anna).ToList();
        var reply = toAnna.FindIndex(t => t.Contains("fixed it, all dry now", StringComparison.Ordinal));
        var thanks = toAnna.FindIndex(t => t.Contains($"request #{ticketId} as done", StringComparison.Ordinal));
        Assert.True(reply >= 0 && thanks > reply, string.Join("\n", toAnna));
        Assert.DoesNotContain(toAnna, t => t.Contains("one more thing", StringComparison.Ordinal));
        Assert.Equal(BowInbox.Core.Tickets.TicketStatus.Resolved, (await check.Tickets.SingleAsync(t => t.Id == ticketId)).Status);

        // All three were kept, each once; only the reply is on the ticket as the provider's message, and all are handled.
        var kept = await check.UnroutedMessages.AsNoTracking().Where(m => m.Wamid.StartsWith("wamid.GROUP-T")).ToListAsync();
        Assert.Equal(3, kept.Count);
        Assert.All(kept, m => Assert.NotNull(m.HandledAt));
        var fromTom = await check.Messages.AsNoTracking().Where(m => m.TicketId == ticketId && m.Direction == BowInbox.Core.Messaging.MessageDirection.FromProvider).Select(m => m.Text).ToListAsync();
        Assert.Equal(["fixed it, all dry now"], fromTom);
    }

    internal static InboundEvent Event(string from, string text, string wamid, DateTimeOffset? writtenAt = null)
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Webhooks.Text(from, text, wamid))!;
        if (writtenAt is { } at)
        {
            Webhooks.Messages(payload)[0]!["timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new InboundEvent { Payload = payload.ToJsonString(), ReceivedAt = DateTime.UtcNow };
    }
}
