using System.Text.Json.Nodes;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

public sealed class RelaySessionTests
{
    [Fact]
    public async Task With_every_pool_number_in_use_the_quote_or_the_job_list_picks_the_session_never_a_guess()
    {
        await using var app = new InboxAppFactory();
        string[] customers = ["15557000201", "15557000202", "15557000203", "15557000204"];
        var tickets = new List<int>();
        foreach (var customer in customers)
        {
            tickets.Add((await AssignedConversationAsync(app, customer, "leaking tap")).TicketId);
        }

        await using var db = app.CreateDbContext();
        var sessions = await db.RelaySessions.AsNoTracking().Where(s => s.ClosedAt == null).ToListAsync();
        Assert.Equal(3, sessions.Select(s => s.PoolPhoneNumberId).Distinct().Count());
        var shared = sessions.GroupBy(s => s.PoolPhoneNumberId).Single(g => g.Count() == 2);
        var (first, last) = (shared.Min(s => s.TicketId), shared.Max(s => s.TicketId));
        var (firstCustomer, lastCustomer) = (customers[tickets.IndexOf(first)], customers[tickets.IndexOf(last)]);

        await ProviderWritesAsync(app, shared.Key, "hello there, when suits you?");
        await app.WaitForSendAsync(shared.Key, Tom, b => b.Contains("Which job is this message for?", StringComparison.Ordinal), "the job list");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("hello there", StringComparison.Ordinal));

        var held = await db.UnroutedMessages.AsNoTracking().SingleAsync(m => m.Text == "hello there, when suits you?");
        Assert.Null(held.HandledAt);
        var pick = $"{RelayInbound.PickPrefix}{held.Id}:{last}";
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Tom, shared.Key, "wamid.PICK1", RelayWebhooks.ListReply(pick, $"#{last}"), profileName: TomName));
        await app.WaitForSendAsync(Central, lastCustomer, t => t == "Tom: hello there, when suits you?", "the held message at the chosen job's customer");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == firstCustomer && r.Body.Contains("hello there", StringComparison.Ordinal));

        await CustomerWritesAsync(app, "question from the first customer", firstCustomer);
        await app.WaitForSendAsync(shared.Key, Tom, t => t.Contains("question from the first customer", StringComparison.Ordinal), "the first customer's question");
        string? quoted = null;
        await Eventually.TrueAsync(async () => (quoted = await db.Outbox.Where(o => o.PayloadJson.Contains("question from the first customer")).Select(o => o.Wamid).SingleOrDefaultAsync()) is not null, "the relayed wamid");

        await ProviderWritesAsync(app, shared.Key, "answer for you", contextId: quoted);
        await app.WaitForSendAsync(Central, firstCustomer, t => t == "Tom: answer for you", "the quoted reply at the first customer");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == lastCustomer && r.Body.Contains("answer for you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Contact_cards_are_never_relayed_and_repeated_leaks_pause_the_provider()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Hello");

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.CARD1", RelayWebhooks.ContactCard, profileName: TomName));
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("contact card", StringComparison.Ordinal) && t.Contains("not sent", StringComparison.Ordinal), "the provider told the card was not sent");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "text me at 555 010 0001");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "or email tom.plumbing@example.com");

        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && (r.Body.Contains("tom.plumbing", StringComparison.Ordinal) || r.Body.Contains("0100001", StringComparison.Ordinal) || r.Body.Contains("Tom Plumbing", StringComparison.Ordinal)));
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.Kind == ViolationKind.ContactCard && v.TicketId == ticketId);
        var tom = await db.Providers.AsNoTracking().SingleAsync(p => p.DisplayName == TomName);
        Assert.Equal(ProviderAvailability.Paused, tom.Availability);
        Assert.Contains("tried to share contact details", tom.PauseReason);
        await Eventually.TrueAsync(() => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ProviderPaused), "the pause to be audited");

        var panel = await app.Services.GetRequiredService<RelayAssignment>().PanelAsync(Staff(), ticketId);
        Assert.NotNull(panel!.ProviderPauseReason);
    }

    [Fact]
    public async Task Images_are_copied_to_the_sending_number_with_the_caption_scanned_and_locations_relayed()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Send me a photo");

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.IMG1", RelayWebhooks.Image("900000000000777", "This is the leak, call 555 700 0101")));
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.LOC1", RelayWebhooks.Location));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "image"), "the image at the provider");
        var image = app.Graph.Requests.Single(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "image").Json["image"]!;
        Assert.Contains(app.Graph.MediaDownloads, d => d == "900000000000777");
        Assert.Contains(app.Graph.MediaUploads, u => u.PhoneNumberId == session.PoolPhoneNumberId && u.MediaId == image["id"]!.GetValue<string>());
        Assert.Equal($"#{ticketId} Maria: This is the leak, call [phone removed]", image["caption"]!.GetValue<string>());
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "location"), "the location at the provider");
        var location = app.Graph.Requests.Single(r => r.To == Tom && r.Json["type"]?.GetValue<string>() == "location").Json["location"]!;
        Assert.Equal("40.7128", location["latitude"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolving_in_the_inbox_or_reassigning_closes_the_session()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, tomSession) = await AssignedConversationAsync(app);

        await AssignAsync(app, ticketId, "Ana Lopez", Staff(Roles.Supervisor, "supervisor@demo.local"));

        await using var db = app.CreateDbContext();
        Assert.NotNull((await db.RelaySessions.AsNoTracking().SingleAsync(s => s.Id == tomSession.Id)).ClosedAt);
        var anaSession = await db.RelaySessions.AsNoTracking().SingleAsync(s => s.TicketId == ticketId && s.ClosedAt == null);
        Assert.Equal(await ProviderIdAsync(app, "Ana Lopez"), anaSession.ProviderId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Reassigned));

        var moved = await app.Services.GetRequiredService<TicketActions>().MoveAsync(Staff(), ticketId, TicketStatus.Resolved);
        Assert.True(moved.Succeeded, moved.Message);
        Assert.False(await db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null));
    }

    [Fact]
    public async Task Idle_sessions_close_after_the_admin_time_to_live_once_however_often_the_job_runs()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await AssignedConversationAsync(app);
        var (_, fresh) = await AssignedConversationAsync(app, "15557000301", "leak", "Eli Watts");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On it");
        Assert.Null(await app.Services.GetRequiredService<RelaySettings>().SaveIdleTtlDaysAsync(2, "admin@demo.local"));
        await using (var db = app.CreateDbContext())
        {
            await db.RelaySessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, DateTime.UtcNow.AddDays(-3)));
        }

        var job = app.Services.GetRequiredService<RelayIdleCloseJob>();
        var runs = await Task.WhenAll(job.RunAsync(CancellationToken.None), job.RunAsync(CancellationToken.None));

        Assert.Equal(1, runs.Sum());
        await using var check = app.CreateDbContext();
        Assert.Equal("idle for 2 days", (await check.RelaySessions.SingleAsync(s => s.Id == session.Id)).CloseReason);
        Assert.Null((await check.RelaySessions.SingleAsync(s => s.Id == fresh.Id)).ClosedAt);
        Assert.Contains("between 1 and", await app.Services.GetRequiredService<RelaySettings>().SaveIdleTtlDaysAsync(0, "admin@demo.local"));

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("quiet for 2 days", StringComparison.Ordinal), "the provider (whose window is open) told the job stays theirs");
    }

    [Fact]
    public async Task Idle_close_tells_a_provider_whose_window_has_closed_by_the_approved_template()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On it");
        await using (var db = app.CreateDbContext())
        {
            // Eight quiet days: the session is idle and the provider's 24-hour window on the pool number long closed.
            await db.RelaySessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, DateTime.UtcNow.AddDays(-8)));
            await db.ConversationWindows.Where(w => w.PhoneNumberId == session.PoolPhoneNumberId)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastInboundAt, DateTime.UtcNow.AddDays(-8)));
        }

        Assert.Equal(1, await app.Services.GetRequiredService<RelayIdleCloseJob>().RunAsync(CancellationToken.None));

        await app.WaitForSendAsync(
            session.PoolPhoneNumberId, Tom, b => b.Contains("relay_idle_closed", StringComparison.Ordinal) && b.Contains($"\"{ticketId}\"", StringComparison.Ordinal) && b.Contains("\"7\"", StringComparison.Ordinal),
            "the idle-close notice as a template");
        Assert.DoesNotContain(app.Sent(session.PoolPhoneNumberId, Tom), t => t.Contains("quiet for 7 days", StringComparison.Ordinal));
        await using var check = app.CreateDbContext();
        Assert.DoesNotContain(await check.Outbox.Where(o => o.FromPhoneNumberId == session.PoolPhoneNumberId).ToListAsync(), o => o.Status == BowInbox.Core.Channel.OutboxStatus.Failed);
    }

    [Fact]
    public async Task Admin_content_policy_changes_what_the_relay_does()
    {
        await using var app = new InboxAppFactory();
        var settings = app.Services.GetRequiredService<RelaySettings>();
        var actions = Enum.GetValues<ViolationKind>().ToDictionary(k => k, ContentPolicy.Default.ActionFor);
        actions[ViolationKind.Email] = PolicyAction.Block;
        Assert.Null(await settings.SaveContentPolicyAsync(actions, ["bowinbox.example"], "admin@demo.local"));
        Assert.NotNull(await settings.SaveContentPolicyAsync(actions, ["not an entry"], "admin@demo.local"));
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Details are on bowinbox.example/help");
        await app.WaitForSendAsync(Central, Customer, t => t == "Tom: Details are on bowinbox.example/help", "the allowlisted link unchanged");

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "mail me at tom@gmail.com");

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("was not sent", StringComparison.Ordinal), "the block explained");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("tom@gmail.com", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.TicketId == ticketId && v.Action == PolicyAction.Block && v.Kind == ViolationKind.Email);
        var policy = JsonNode.Parse((await db.Settings.SingleAsync(s => s.Key == RelaySettings.ContentPolicyKey)).Json)!;
        Assert.Equal("Block", policy["actions"]!["Email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Admin_sets_invitations_to_another_app_to_flag_and_they_are_relayed()
    {
        await using var app = new InboxAppFactory();
        var settings = app.Services.GetRequiredService<RelaySettings>();
        var actions = Enum.GetValues<ViolationKind>().ToDictionary(k => k, ContentPolicy.Default.ActionFor);
        actions[ViolationKind.OffPlatformInvite] = PolicyAction.Flag;
        Assert.Null(await settings.SaveContentPolicyAsync(actions, [], "admin@demo.local"));
        var (ticketId, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "let's continue on Signal");

        await app.WaitForSendAsync(Central, Customer, t => t == "Tom: let's continue on Signal", "the flagged invitation relayed");
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.PolicyViolations.ToListAsync(), v => v.TicketId == ticketId && v.Action == PolicyAction.Flag && v.Kind == ViolationKind.OffPlatformInvite);
        Assert.Equal(PolicyAction.Flag, (await settings.ContentPolicyAsync()).OffPlatformInvite);
    }
}
