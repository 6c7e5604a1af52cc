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
