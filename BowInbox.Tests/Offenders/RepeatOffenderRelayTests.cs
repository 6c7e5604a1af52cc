using BowInbox.Core.Alerts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Offenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Offenders;

/// <summary>Repeat offenders through the live relay: per-kind thresholds, a paused customer held, pauses lifted with a note.</summary>
public sealed class RepeatOffenderRelayTests
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = Staff(Roles.Admin, "admin@demo.local");
    private static readonly System.Security.Claims.ClaimsPrincipal Supervisor = Staff(Roles.Supervisor, "supervisor@demo.local");

    [Fact]
    public async Task A_customer_reaching_a_kinds_threshold_is_paused_and_their_messages_are_held_not_relayed()
    {
        await using var app = new InboxAppFactory();
        var lifting = app.Services.GetRequiredService<PauseLifting>();
        Assert.Null(await lifting.SaveThresholdsAsync(Admin, new Dictionary<ViolationKind, PauseThreshold> { [ViolationKind.Phone] = new(2, 24) }));
        var (ticketId, session) = await AssignedConversationAsync(app);

        await CustomerWritesAsync(app, "call me on 555 010 0002 please");
        await CustomerWritesAsync(app, "my email is ana.sousa@example.com");
        await using (var db = app.CreateDbContext())
        {
            // One phone number (a half of a pause at 2) and one email (a third at the default 3): not yet.
            Assert.Null(await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!.PausedAt).SingleAsync());
        }

        // The message that reaches the threshold is itself held, and the customer told neutrally, in their language.
        var pausing = await CustomerWritesAsync(app, "o prueba al 555 010 0003, es mi otro número y te espero");
        await using var check = app.CreateDbContext();
        var contact = await check.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!).SingleAsync();
        Assert.NotNull(contact.PausedAt);
        Assert.Contains("messages tried to share contact details", contact.PauseReason, StringComparison.Ordinal);
        var alert = await check.SupervisorAlerts.SingleAsync(a => a.Kind == SupervisorAlertKind.CustomerPaused);
        Assert.Contains($"Customer {contact.Alias} was paused automatically", alert.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("555", alert.Summary, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => check.AuditEntries.AnyAsync(e => e.Action == AuditActions.CustomerPaused && e.Target == $"contact:{contact.Id}"), "the pause to be audited");

        await app.WaitForSendAsync(Central, Customer, t => t.Contains("Lo estamos revisando", StringComparison.Ordinal), "the customer told neutrally, in Spanish");
        var wamid = await CustomerWritesAsync(app, "is 3pm fine?");

        // Held: kept for staff with a visible note, never sent to the provider.
        await using var after = app.CreateDbContext();
        var held = await after.Messages.AsNoTracking().SingleAsync(m => m.Wamid == wamid);
        Assert.Equal(CustomerPause.HeldReason, held.HeldReason);
        Assert.Equal(CustomerPause.HeldReason, (await after.Messages.AsNoTracking().SingleAsync(m => m.Wamid == pausing)).HeldReason);
        Assert.Equal(2, await after.Messages.CountAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.System && m.Text == CustomerPause.HeldNote));
        Assert.DoesNotContain(app.Sent(session.PoolPhoneNumberId, Tom), t => t.Contains("te espero", StringComparison.Ordinal) || t.Contains("3pm", StringComparison.Ordinal));
        Assert.Single(app.Sent(Central, Customer), t => t.Contains("Lo estamos revisando", StringComparison.Ordinal) || t.Contains("being checked", StringComparison.Ordinal));
        var pauses = await lifting.OfTicketAsync(Staff(), ticketId);
        Assert.NotNull(pauses!.CustomerPauseReason);

        // Flagged for staff in the inbox list and on the ticket.
        var inbox = app.Services.GetRequiredService<BowInbox.Web.Inbox.InboxQueries>();
        var list = await inbox.ListAsync(Staff(), BowInbox.Web.Inbox.InboxFilter.AllOpen, null, 0, 50);
        Assert.True(list.Rows.Single(r => r.Id == ticketId).CustomerPaused);
        Assert.True((await inbox.DetailsAsync(Staff(), ticketId))!.Row.CustomerPaused);
    }

    [Fact]
    public async Task A_supervisor_lifts_a_customer_pause_with_a_note_and_the_relay_resumes()
    {
        await using var app = new InboxAppFactory();
        var lifting = app.Services.GetRequiredService<PauseLifting>();
        var (ticketId, session) = await AssignedConversationAsync(app);
        var contactId = await PauseCustomerAsync(app, ticketId);
        await CustomerWritesAsync(app, "are you still coming?");
        Assert.DoesNotContain(app.Sent(session.PoolPhoneNumberId, Tom), t => t.Contains("still coming", StringComparison.Ordinal));

        Assert.False((await lifting.LiftCustomerAsync(Staff(), contactId, "looks fine")).Succeeded);
        Assert.False((await lifting.LiftCustomerAsync(Staff(Roles.Technician, "tom@demo.local"), contactId, "looks fine")).Succeeded);
        var empty = await lifting.LiftCustomerAsync(Supervisor, contactId, "   ");
        Assert.False(empty.Succeeded);
        Assert.Contains("note", empty.Message, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.NotNull(await db.Contacts.Where(c => c.Id == contactId).Select(c => c.PausedAt).SingleAsync());
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PauseLifted));
        }

        Assert.True((await lifting.LiftCustomerAsync(Supervisor, contactId, "Spoke to the customer; a misunderstanding.")).Succeeded);
        await using var check = app.CreateDbContext();
        Assert.Null(await check.Contacts.Where(c => c.Id == contactId).Select(c => c.PausedAt).SingleAsync());
        var entry = await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.PauseLifted);
        Assert.Equal("supervisor@demo.local", entry.Actor);
        Assert.Contains("a misunderstanding", entry.Details, StringComparison.Ordinal);

        await CustomerWritesAsync(app, "see you at 3pm");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("see you at 3pm", StringComparison.Ordinal), "the relay to resume");
    }

    [Fact]
    public async Task A_technician_is_counted_per_message_warned_before_the_pause_and_told_why_when_paused()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await AssignedConversationAsync(app);
        var providerId = await ProviderIdAsync(app);
        async Task<ProviderAvailability> AvailabilityAsync()
        {
            await using var db = app.CreateDbContext();
            return await db.Providers.Where(p => p.Id == providerId).Select(p => p.Availability).SingleAsync();
        }

        // Two messages with a phone number and an email each: two attempts at the default three, not four.
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "call me on 555 010 0001 or tom.baker@example.com");
        Assert.NotEqual(ProviderAvailability.Paused, await AvailabilityAsync());
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "again: 555 010 0001, tom.baker@example.com");
        Assert.NotEqual(ProviderAvailability.Paused, await AvailabilityAsync());
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("one more message with contact details and your account is paused", StringComparison.Ordinal), "the warning before the pause");

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "last try 555 010 0001");

        Assert.Equal(ProviderAvailability.Paused, await AvailabilityAsync());
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("Your account is paused", StringComparison.Ordinal) && t.Contains("supervisor", StringComparison.Ordinal), "the technician told why");
        await using var check = app.CreateDbContext();
        var alert = await check.SupervisorAlerts.SingleAsync(a => a.Kind == SupervisorAlertKind.ProviderPaused);
        Assert.Contains("3 messages tried to share contact details", alert.Summary, StringComparison.Ordinal);
        Assert.Contains("until a supervisor lifts the pause", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_customers_message_waits_in_the_held_queue_and_approval_relays_it_once()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await PauseCustomerAsync(app, ticketId);

        var wamid = await CustomerWritesAsync(app, "the gate code is 4471, come round the back");
        await using (var db = app.CreateDbContext())
        {
            var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Wamid == wamid);
            var item = await db.HeldItems.AsNoTracking().SingleAsync(h => h.MessageId == message.Id);
            Assert.Equal(BowInbox.Core.Review.HeldReason.SenderPaused, item.Reason);
            Assert.Equal(BowInbox.Core.Review.HeldStatus.Waiting, item.Status);
            Assert.DoesNotContain(app.Sent(session.PoolPhoneNumberId, Tom), t => t.Contains("gate code", StringComparison.Ordinal));

            var held = app.Services.GetRequiredService<BowInbox.Web.Review.HeldItems>();
            Assert.Equal(BowInbox.Web.Review.HeldDecisionOutcome.Done, await held.ApproveAsync(item.Id, "supervisor@demo.local"));
            Assert.Equal(BowInbox.Web.Review.HeldDecisionOutcome.AlreadyDecided, await held.ApproveAsync(item.Id, "supervisor@demo.local"));
        }

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("come round the back", StringComparison.Ordinal), "the approved message to reach the provider");
        Assert.Single(app.Sent(session.PoolPhoneNumberId, Tom), t => t.Contains("come round the back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_supervisor_sets_a_paused_provider_back_online_with_a_note_and_others_cannot()
    {
        await using var app = new InboxAppFactory();
        var lifting = app.Services.GetRequiredService<PauseLifting>();
        var (ticketId, _) = await AssignedConversationAsync(app);
        var providerId = await ProviderIdAsync(app);
        await using (var db = app.CreateDbContext())
        {
            await db.Providers.Where(p => p.Id == providerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Availability, ProviderAvailability.Paused).SetProperty(p => p.PauseReason, "Paused automatically: 3 contact-leak attempts"));
        }

        Assert.NotNull((await lifting.OfTicketAsync(Supervisor, ticketId))!.ProviderPauseReason);
        Assert.False((await lifting.LiftProviderAsync(Staff(Roles.Technician, "tom@demo.local"), providerId, "ok")).Succeeded);
        Assert.False((await lifting.LiftProviderAsync(Staff(), providerId, "ok")).Succeeded);
        Assert.False((await lifting.LiftProviderAsync(Supervisor, providerId, "")).Succeeded);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(ProviderAvailability.Paused, await db.Providers.Where(p => p.Id == providerId).Select(p => p.Availability).SingleAsync());
        }

        Assert.True((await lifting.LiftProviderAsync(Supervisor, providerId, "Warned by phone; first offence.")).Succeeded);
        await using var check = app.CreateDbContext();
        var tom = await check.Providers.SingleAsync(p => p.Id == providerId);
        Assert.Equal(ProviderAvailability.Online, tom.Availability);
        Assert.Null(tom.PauseReason);
        Assert.Contains("first offence", (await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.PauseLifted && e.Target == $"provider:{providerId}")).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_changes_the_thresholds_bad_values_change_nothing_and_changes_are_audited()
    {
        await using var app = new InboxAppFactory();
        var lifting = app.Services.GetRequiredService<PauseLifting>();
        var settings = app.Services.GetRequiredService<BowInbox.Web.Relay.RelaySettings>();
        var strict = new Dictionary<ViolationKind, PauseThreshold> { [ViolationKind.PaymentOutside] = new(1, 48) };

        foreach (var who in new[] { Staff(), Staff(Roles.Technician, "tom@demo.local"), Supervisor })
        {
            Assert.NotNull(await lifting.SaveThresholdsAsync(who, strict));
        }

        var bad = await lifting.SaveThresholdsAsync(Admin, new Dictionary<ViolationKind, PauseThreshold> { [ViolationKind.Phone] = new(2, 0) });
        Assert.Equal("Phone numbers: the window must be between 1 and 720 hours (30 days).", bad);
        Assert.Equal(3, (await settings.PauseThresholdsAsync()).For(ViolationKind.PaymentOutside).Count);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PauseThresholdsChanged));
        }

        Assert.Null(await lifting.SaveThresholdsAsync(Admin, strict));
        Assert.Equal(new PauseThreshold(1, 48), (await settings.PauseThresholdsAsync()).For(ViolationKind.PaymentOutside));
        Assert.Equal(new PauseThreshold(3, 24), (await settings.PauseThresholdsAsync()).For(ViolationKind.Phone));
        await using var check = app.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.PauseThresholdsChanged);
        Assert.Equal("admin@demo.local", entry.Actor);
        Assert.Contains("PaymentOutside=1 in 48 h", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_reaching_a_kinds_threshold_of_one_is_paused_at_once()
    {
        await using var app = new InboxAppFactory();
        Assert.Null(await app.Services.GetRequiredService<PauseLifting>().SaveThresholdsAsync(Admin, new Dictionary<ViolationKind, PauseThreshold> { [ViolationKind.PaymentOutside] = new(1, 24) }));
        var (_, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "just send it by Zelle and skip the fee");

        await using var db = app.CreateDbContext();
        var tom = await db.Providers.AsNoTracking().SingleAsync(p => p.DisplayName == TomName);
        Assert.Equal(ProviderAvailability.Paused, tom.Availability);
        Assert.Contains("payment outside the platform: 1 in 24 h", tom.PauseReason, StringComparison.Ordinal);
    }

    private static async Task<int> PauseCustomerAsync(InboxAppFactory app, int ticketId)
    {
        await using var db = app.CreateDbContext();
        var contactId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ContactId).SingleAsync();
        await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.PausedAt, DateTime.UtcNow.AddMinutes(-1)).SetProperty(c => c.PauseReason, "Paused automatically: 3 contact-leak attempts"));
        return contactId;
    }
}
