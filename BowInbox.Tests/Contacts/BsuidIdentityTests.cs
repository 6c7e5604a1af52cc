using BowInbox.Core.Channel;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Privacy;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Contacts;

/// <summary>A customer known by a BSUID, a phone or both is one contact with one open ticket, however they write.</summary>
public sealed class BsuidIdentityTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Central = Webhooks.OurNumber;

    [Fact]
    public async Task Phone_arriving_later_attaches_to_the_bsuid_only_contact_and_becomes_where_replies_go()
    {
        const string userId = "BR.10000000000000000001";
        const string phone = "5511987650001";
        var http = shared.App.CreateBrowserlessClient();

        await PostAsync(http, BsuidWebhooks.Text(null, userId, "Oi, preciso de um eletricista", "wamid.A1", Central, "Ana", "ana.b"));
        var ticketId = await TicketOfAsync("wamid.A1");
        var bsuidReply = await shared.App.Replies().ReplyAsync(ticketId, "Claro!", ChannelTestData.Agent);
        Assert.True(bsuidReply.Succeeded, bsuidReply.Message);
        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.Recipient == userId && r.Text == "Claro!"), "the reply at the BSUID");

        // Her phone comes beside the BSUID, in the form without Brazil's ninth digit: still her, and sends now go to the phone.
        await PostAsync(http, BsuidWebhooks.Text("551187650001", userId, "Obrigada", "wamid.A2", Central, "Ana", "ana.b"));
        Assert.Equal(ticketId, await TicketOfAsync("wamid.A2"));
        await PostAsync(http, Webhooks.Text(phone, "Ainda estou aqui", "wamid.A3", profileName: "Ana"));
        Assert.Equal(ticketId, await TicketOfAsync("wamid.A3"));

        var phoneReply = await shared.App.Replies().ReplyAsync(ticketId, "Chego às 3", ChannelTestData.Agent);
        Assert.True(phoneReply.Succeeded, phoneReply.Message);
        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.To == "551187650001" && r.Recipient is null && r.Text == "Chego às 3"), "the reply at the phone");
        await using var db = shared.App.CreateDbContext();
        var contactId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ContactId).SingleAsync();
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.ContactId == contactId));
        Assert.Equal(3, await db.Messages.CountAsync(m => m.TicketId == ticketId && m.Wamid != null && m.Wamid.StartsWith("wamid.A")));
    }

    [Fact]
    public async Task Changed_number_keeps_the_ticket_and_says_so_on_the_timeline_without_the_numbers()
    {
        const string oldPhone = "15557000301";
        const string newPhone = "15557000399";
        var http = shared.App.CreateBrowserlessClient();
        await PostAsync(http, Webhooks.Text(oldPhone, "The tap is dripping", "wamid.N1", profileName: "Omar"));
        var ticketId = await TicketOfAsync("wamid.N1");

        await PostAsync(http, Webhooks.Change(
            $$$"""
            "messages":[{"from":"{{{oldPhone}}}","id":"wamid.N2","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"system",
              "system":{"body":"User Omar changed from {{{oldPhone}}} to {{{newPhone}}}","wa_id":"{{{newPhone}}}","type":"user_changed_number"}}]
            """));
        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.UnroutedMessages.AnyAsync(m => m.Wamid == "wamid.N2" && m.Reason == UnroutedReason.IdentityChange), "the change to be applied");
        await PostAsync(http, Webhooks.Text(newPhone, "Still dripping", "wamid.N3", profileName: "Omar"));

        Assert.Equal(ticketId, await TicketOfAsync("wamid.N3"));
        Assert.False(await db.Messages.AnyAsync(m => m.Wamid == "wamid.N2"));
        var entry = await db.TicketEvents.SingleAsync(e => e.TicketId == ticketId && e.Kind == "identity-changed");
        Assert.DoesNotContain("1555700", entry.Detail, StringComparison.Ordinal);
        var reply = await shared.App.Replies().ReplyAsync(ticketId, "On it", ChannelTestData.Agent);
        Assert.True(reply.Succeeded, reply.Message);
        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.To == newPhone && r.Text == "On it"), "the reply at the new number");
    }

    [Fact]
    public async Task Command_number_registered_as_a_bsuid_is_answered_and_another_bsuid_is_a_customer()
    {
        const string supervisorUserId = "US.20000000000000000002";
        await using (var scope = shared.App.Services.CreateAsyncScope())
        await using (var db = shared.App.CreateDbContext())
        {
            var supervisor = await db.Users.SingleAsync(u => u.Email == DemoData.SupervisorEmail);
            var registered = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetCommandNumberAsync(supervisor.Id, supervisorUserId, supervisor.Id);
            Assert.True(registered.Succeeded, registered.Message);
        }

        var http = shared.App.CreateBrowserlessClient();
        await PostAsync(http, BsuidWebhooks.Text(null, supervisorUserId, "/audit_session 999999", "wamid.S1", Central, "Sam"));
        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.Recipient == supervisorUserId && r.Text == "Ticket #999999 does not exist."), "the supervisor to be answered at the BSUID");

        await PostAsync(http, BsuidWebhooks.Text(null, "US.20000000000000000003", "/audit_session 999999", "wamid.S2", Central, "Eve"));
        Assert.True(await TicketOfAsync("wamid.S2") > 0);
        Assert.DoesNotContain(shared.App.Graph.Requests, r => r.Recipient == "US.20000000000000000003");
    }

    private async Task<int> TicketOfAsync(string wamid)
    {
        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), $"{wamid} to be recorded");
        return await db.Messages.Where(m => m.Wamid == wamid).Select(m => m.TicketId).SingleAsync();
    }

    private static async Task PostAsync(HttpClient http, string webhook)
        => Assert.True((await Webhooks.PostSignedAsync(http, webhook)).IsSuccessStatusCode);
}
