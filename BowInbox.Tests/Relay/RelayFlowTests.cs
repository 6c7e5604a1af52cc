using BowInbox.Core.Messaging;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>Customer on the central number, technician on a pool number, the fake Graph API in between.</summary>
public sealed class RelayFlowTests
{
    [Fact]
    public async Task Customer_and_provider_exchange_messages_both_ways()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);

        // Assignment briefs the technician from the pool number (a template: they have not written to it yet)
        // and tells the customer from the central number who is coming, by first name and role.
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, b => b.Contains("job_briefing") && b.Contains(ticketId.ToString()), "the briefing");
        await app.WaitForSendAsync(Central, Customer, t => t.Contains("Tom") && t.Contains("technician") && t.Contains($"#{ticketId}"), "who is coming");

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Hi, Tom here. I can come at 3pm today.");
        await app.WaitForSendAsync(Central, Customer, t => t == "Tom: Hi, Tom here. I can come at 3pm today.", "the provider's text at the customer");

        await CustomerWritesAsync(app, "3pm is perfect, thanks");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t == $"#{ticketId} Maria: 3pm is perfect, thanks", "the customer's text at the provider");

        await using var db = app.CreateDbContext();
        var messages = await db.Messages.Where(m => m.TicketId == ticketId).ToListAsync();
        Assert.Single(messages, m => m.Direction == MessageDirection.FromProvider && m.Text == "Hi, Tom here. I can come at 3pm today." && m.OriginalText == null);
        Assert.Single(messages, m => m.Direction == MessageDirection.FromCustomer && m.Text == "3pm is perfect, thanks");
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.NotNull(ticket.ProviderFirstMessageAt);
        Assert.All(app.Graph.Requests.Where(r => r.To == Customer), r => Assert.Equal(Central, r.PhoneNumberId));
        Assert.All(app.Graph.Requests.Where(r => r.To == Tom), r => Assert.Equal(session.PoolPhoneNumberId, r.PhoneNumberId));
    }

    [Fact]
    public async Task Relayed_messages_keep_their_own_wamid_and_take_the_ticks_of_their_copy()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        var providerWamid = await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way");
        var customerWamid = await CustomerWritesAsync(app, "See you soon");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.EndsWith("See you soon", StringComparison.Ordinal), "the customer's text at the provider");

        await using var db = app.CreateDbContext();
        var fromCustomer = await db.Messages.AsNoTracking().SingleAsync(m => m.Wamid == customerWamid);
        var fromProvider = await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromProvider);
        Assert.Equal(providerWamid, fromProvider.Wamid);
        string toProvider = "", toCustomer = "";
        await Eventually.TrueAsync(
            async () =>
            {
                toProvider = await db.Outbox.Where(o => o.MessageId == fromCustomer.Id && o.Wamid != null).Select(o => o.Wamid!).FirstOrDefaultAsync() ?? "";
                toCustomer = await db.Outbox.Where(o => o.MessageId == fromProvider.Id && o.Wamid != null).Select(o => o.Wamid!).FirstOrDefaultAsync() ?? "";
                return toProvider.Length > 0 && toCustomer.Length > 0;
            },
            "both copies sent and linked to their messages");

        var client = app.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(client, Webhooks.Status(toProvider, "read", Tom, session.PoolPhoneNumberId));
        await Webhooks.PostSignedAsync(client, Webhooks.Status(toCustomer, "delivered", Customer, Central));

        await Eventually.TrueAsync(
            async () => await db.Messages.AsNoTracking().AnyAsync(m => m.Id == fromCustomer.Id && m.Status == DeliveryStatus.Read && m.Wamid == customerWamid)
                && await db.Messages.AsNoTracking().AnyAsync(m => m.Id == fromProvider.Id && m.Status == DeliveryStatus.Delivered && m.Wamid == providerWamid),
            "each relayed message to show its copy's status");
    }

    [Fact]
    public async Task Provider_reply_with_phone_number_reaches_the_customer_redacted_from_the_central_number()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Easier if you call me on 555 010 0001 or five five five 0100001");

        await app.WaitForSendAsync(Central, Customer, t => t.StartsWith("Tom: Easier if you call me on [phone removed]", StringComparison.Ordinal), "the redacted text at the customer");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && r.Body.Contains("0100001", StringComparison.Ordinal));
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("phone number", StringComparison.Ordinal) && t.Contains("removed", StringComparison.Ordinal), "the provider told why");

        await using var db = app.CreateDbContext();
        var stored = await db.Messages.SingleAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromProvider);
        Assert.Contains("[phone removed]", stored.Text);
        Assert.DoesNotContain("555 010 0001", stored.OriginalText);
        Assert.Contains("555 010 0001", app.Services.GetRequiredService<BowInbox.Web.Privacy.OriginalTexts>().Unprotect(stored.OriginalText));
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.TicketId == ticketId && v.Kind == ViolationKind.Phone && v.Sender == SenderKind.Provider && v.Action == PolicyAction.Redact);
    }

    [Fact]
    public async Task Customer_message_with_an_email_reaches_the_provider_redacted_from_the_pool_number()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way");

        await CustomerWritesAsync(app, "Send the invoice to maria.lopez@gmail.com please");

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t == $"#{ticketId} Maria: Send the invoice to [email removed] please", "the redacted text at the provider");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("maria.lopez@gmail.com", StringComparison.Ordinal));
        await app.WaitForSendAsync(Central, Customer, t => t.Contains("email address removed", StringComparison.Ordinal), "the customer told why");
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.TicketId == ticketId && v.Kind == ViolationKind.Email && v.Sender == SenderKind.Customer);
    }

    [Fact]
    public async Task Requests_to_pay_outside_are_blocked_the_sender_told_politely_and_supervisors_told()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await using var supervisor = await HubClients.ConnectAsync(app, "supervisor@demo.local");

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Just pay me cash directly, skip the app");

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("For your protection, keep the conversation and payment here.", StringComparison.Ordinal), "the provider told politely");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && r.Body.Contains("pay me cash", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.TicketId == ticketId && v.Kind == ViolationKind.PaymentOutside && v.Action == PolicyAction.Block);
        await supervisor.WaitForAsync(Web.Live.InboxClientMethods.TicketUpdated, ticketId);
    }

    [Fact]
    public async Task An_invitation_to_another_app_in_Spanish_is_blocked_with_a_notice_in_Spanish()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, _) = await AssignedConversationAsync(app);

        await CustomerWritesAsync(app, "sigamos por Telegram mejor");

        await app.WaitForSendAsync(Central, Customer, t => t.Contains("Por tu protección, mantén la conversación y el pago aquí.", StringComparison.Ordinal), "the customer told in Spanish");
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.TicketId == ticketId && v.Kind == ViolationKind.OffPlatformInvite && v.Sender == SenderKind.Customer);
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Tom && r.Body.Contains("Telegram", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_delivery_is_relayed_once()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way");

        var wamid = await CustomerWritesAsync(app, "The door code is 4411");
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(Customer, "The door code is 4411", wamid));
        var providerWamid = await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Thanks, parking outside");
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(Tom, "Thanks, parking outside", providerWamid, session.PoolPhoneNumberId, TomName));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.InboundEvents.AllAsync(e => e.ProcessedAt != null), "every delivery to be processed");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.EndsWith("The door code is 4411", StringComparison.Ordinal), "the relay");
        await app.WaitForSendAsync(Central, Customer, t => t.EndsWith("parking outside", StringComparison.Ordinal), "the relay back");
        // Later messages each way are the markers: a conversation's messages go out in the order they were queued, so
        // anything queued before them has been sent once they have.
        // Tom writes first: his own message opens his 24-hour window, so the customer's marker reaches him as text.
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Marker from Tom");
        await CustomerWritesAsync(app, "Marker from the customer");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.EndsWith("Marker from the customer", StringComparison.Ordinal), "the customer's marker");
        await app.WaitForSendAsync(Central, Customer, t => t.EndsWith("Marker from Tom", StringComparison.Ordinal), "Tom's marker");
        Assert.Single(app.Sent(session.PoolPhoneNumberId, Tom), t => t.EndsWith("The door code is 4411", StringComparison.Ordinal));
        Assert.Single(app.Sent(Central, Customer), t => t.EndsWith("parking outside", StringComparison.Ordinal));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.Wamid == wamid));
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.FromPhoneNumberId == session.PoolPhoneNumberId && o.PayloadJson.Contains("door code")));
    }

    [Fact]
    public async Task Done_resolves_the_ticket_closes_the_session_and_thanks_the_customer()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "/DONE");

        await app.WaitForSendAsync(Central, Customer, t => t.StartsWith("Thanks, Maria!", StringComparison.Ordinal), "the thanks");
        await using var db = app.CreateDbContext();
        Assert.Equal(TicketStatus.Resolved, (await db.Tickets.SingleAsync(t => t.Id == ticketId)).Status);
        Assert.NotNull((await db.RelaySessions.SingleAsync(s => s.Id == session.Id)).ClosedAt);
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && r.Body.Contains("/DONE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Help_and_unknown_commands_get_the_list_and_are_never_relayed()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "/help");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "/teleport now");

        await Eventually.TrueAsync(() => app.Sent(session.PoolPhoneNumberId, Tom).Count(t => t.Contains("/done", StringComparison.Ordinal) && t.Contains("/handoff", StringComparison.Ordinal)) == 2, "two command lists");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && (r.Body.Contains("/help", StringComparison.Ordinal) || r.Body.Contains("teleport", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Handoff_returns_the_ticket_to_the_intake_queue_without_a_provider()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "/handoff Plumbers - Uptown");

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.Id == session.Id && s.ClosedAt != null), "the session to close");
        var ticket = await db.Tickets.Include(t => t.Group).SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.Requeued, ticket.Status);
        Assert.Null(ticket.ProviderId);
        Assert.Equal("Plumbers - Uptown", ticket.Group?.Name);
        Assert.Contains(await db.Messages.Where(m => m.TicketId == ticketId).ToListAsync(), m => m.Direction == MessageDirection.InternalNote && m.Text!.Contains("handed the job back"));
    }

    [Fact]
    public async Task A_stranger_on_a_pool_number_reaches_nobody()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        const string Stranger = "15559990042";

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "hi who is this? call me 555 999 0042", from: Stranger);

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Stranger, t => t.Contains("not passed on", StringComparison.Ordinal), "the automatic answer");
        // Later messages each way are the markers: a conversation's messages go out in the order they were queued, so
        // anything queued before them has been sent once they have.
        // Tom writes first: his own message opens his 24-hour window, so the customer's marker reaches him as text.
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Marker from Tom");
        await CustomerWritesAsync(app, "Marker from the customer");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.EndsWith("Marker from the customer", StringComparison.Ordinal), "the customer's marker");
        await app.WaitForSendAsync(Central, Customer, t => t.EndsWith("Marker from Tom", StringComparison.Ordinal), "Tom's marker");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("who is this", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(await db.Messages.Where(m => m.TicketId == ticketId).ToListAsync(), m => m.Text != null && m.Text.Contains("who is this"));
        Assert.NotNull((await db.UnroutedMessages.SingleAsync(m => m.Text!.Contains("who is this"))).HandledAt);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Stranger, StringComparison.Ordinal) || l.Contains("555 999 0042", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Contains("not a provider", StringComparison.Ordinal));
    }
}
