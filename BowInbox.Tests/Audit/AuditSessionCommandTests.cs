using BowInbox.Core.Channel;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Audit;

/// <summary>/audit_session on the central number: answered for a registered supervisor, an ordinary customer message for anyone else.</summary>
public sealed class AuditSessionCommandTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task SendAsync(string from, string text, string wamid)
    {
        var client = shared.App.CreateBrowserlessClient();
        var response = await Webhooks.PostSignedAsync(client, Webhooks.Text(from, text, wamid, profileName: "Sam"));
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Registered_supervisor_gets_a_masked_summary_and_the_link_once_and_it_is_audited()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000071");
        var wamid = "wamid.AUDIT" + Guid.NewGuid().ToString("N");

        await SendAsync(DemoData.SupervisorWhatsApp, $"/audit_session {ticketId}", wamid);
        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.To == DemoData.SupervisorWhatsApp && r.Text?.Contains($"Ticket #{ticketId}") == true), "the summary to be sent to the supervisor");
        await SendAsync(DemoData.SupervisorWhatsApp, $"/audit_session {ticketId}", wamid);

        var reply = Assert.Single(shared.App.Graph.Requests, r => r.To == DemoData.SupervisorWhatsApp && r.Text?.Contains($"Ticket #{ticketId}") == true);
        Assert.Equal(DemoData.CentralPhoneNumberId, reply.PhoneNumberId);
        Assert.Contains($"/supervisor/sessions/{ticketId}", reply.Text);
        Assert.Contains("provider Tom Baker", reply.Text);
        Assert.Contains("1 violations", reply.Text);
        Assert.DoesNotContain("15557000071", reply.Text);
        await using var db = shared.App.CreateDbContext();
        var kept = await db.UnroutedMessages.SingleAsync(m => m.Wamid == wamid);
        Assert.Equal(UnroutedReason.SupervisorCommand, kept.Reason);
        Assert.NotNull(kept.HandledAt);
        Assert.False(await db.Messages.AnyAsync(m => m.Wamid == wamid));
        await Eventually.TrueAsync(
            async () => (await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptViewed)).Count(e => e.Target == $"ticket #{ticketId}" && e.Actor == DemoData.SupervisorEmail) == 1,
            "one audit entry for the WhatsApp view");
    }

    [Fact]
    public async Task Unregistered_number_is_treated_as_a_customer_message_and_learns_nothing()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000072");
        var stranger = "15557000073";
        var wamid = "wamid.STRANGER" + Guid.NewGuid().ToString("N");

        await SendAsync(stranger, $"/audit_session {ticketId}", wamid);

        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the text to be recorded as a customer message");
        var message = await db.Messages.SingleAsync(m => m.Wamid == wamid);
        Assert.Equal($"/audit_session {ticketId}", message.Text);
        Assert.NotEqual(ticketId, message.TicketId);
        Assert.False(await db.UnroutedMessages.AnyAsync(m => m.Wamid == wamid));

        // A staff reply on the stranger's ticket is the marker: messages to one person go out in the order they were
        // queued, so an answer to the command would have been sent before it.
        var marker = await shared.App.Replies().ReplyAsync(message.TicketId, "We have your message.", ChannelTestData.Agent);
        Assert.True(marker.Succeeded, marker.Message);
        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.To == stranger), "the marker reply to reach the stranger");
        Assert.All(shared.App.Graph.Requests.Where(r => r.To == stranger), r => Assert.Equal("We have your message.", r.Text));
    }

    [Fact]
    public async Task Registered_supervisor_asking_for_a_missing_ticket_is_told_so_and_nothing_is_audited()
    {
        await SendAsync(DemoData.SupervisorWhatsApp, "/audit_session 999999", "wamid.MISSING" + Guid.NewGuid().ToString("N"));

        await Eventually.TrueAsync(() => shared.App.Graph.Requests.Any(r => r.To == DemoData.SupervisorWhatsApp && r.Text == "Ticket #999999 does not exist."), "the supervisor to be told");
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptViewed), e => e.Target == "ticket #999999");
    }
}
