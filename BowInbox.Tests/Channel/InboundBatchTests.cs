using System.Net;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

/// <summary>
/// Webhooks are stored by group commit and applied several per transaction: none may be lost, doubled, or held
/// up by one that fails.
/// </summary>
public sealed class InboundBatchTests
{
    private const string PoisonNumber = "15557009999";

    [Fact]
    public async Task Webhooks_posted_at_once_are_each_acknowledged_stored_once_and_processed()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Webhooks.PostSignedAsync(client, Webhooks.Text($"155571{i:00000}", $"message {i}", $"wamid.BURST{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.CreateDbContext();
        Assert.Equal(40, await db.InboundEvents.CountAsync());
        await Eventually.TrueAsync(async () => await db.InboundEvents.AllAsync(e => e.ProcessedAt != null), "every stored event to be processed");
        Assert.Equal(40, await db.Messages.CountAsync(m => m.Wamid!.StartsWith("wamid.BURST")));
        Assert.Equal(40, await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task Several_messages_in_one_webhook_are_stored_once_each_in_order_and_announced_with_their_ids()
    {
        await using var app = new InboxAppFactory();
        var announced = new System.Collections.Concurrent.ConcurrentQueue<BowInbox.Web.Live.MessageAdded>();
        using var subscription = app.Services.GetRequiredService<BowInbox.Web.Live.InboxEvents>().Subscribe(change =>
        {
            if (change is BowInbox.Web.Live.MessageAdded added)
            {
                announced.Enqueue(added);
            }

            return Task.CompletedTask;
        });

        // Meta may batch messages, and may repeat one inside the same delivery.
        var webhook = System.Text.Json.Nodes.JsonNode.Parse(Webhooks.Text("15557000301", "first", "wamid.MULTI1"))!;
        var messages = Webhooks.Messages(webhook);
        var second = messages[0]!.DeepClone();
        second["id"] = "wamid.MULTI2";
        second["text"]!["body"] = "second";
        messages.Add(messages[0]!.DeepClone());
        messages.Add(second);

        var response = await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), webhook.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.InboundEvents.AllAsync(e => e.ProcessedAt != null), "the event to be processed");
        var stored = await db.Messages.Where(m => m.Wamid!.StartsWith("wamid.MULTI")).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["first", "second"], stored.Select(m => m.Text));
        Assert.Single(stored.Select(m => m.TicketId).Distinct());
        Assert.Equal(2, (await db.Tickets.SingleAsync()).UnreadCount);
        Assert.Null((await db.InboundEvents.SingleAsync()).LastError);
        await Eventually.TrueAsync(() => announced.Count == 2, "both messages to be announced");
        Assert.Equal(stored.Select(m => m.Id), announced.Select(a => a.MessageId));
        Assert.Equal([true, false], announced.Select(a => a.NewTicket));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_in_one_group_is_stored_once_without_an_error()
    {
        await using var app = new InboxAppFactory();
        var payload = Webhooks.Text("15557000401", "hello twice", "wamid.TWICE");
        await using (var db = app.CreateDbContext())
        {
            // Stored in one go, so both deliveries are applied in the same turn.
            db.InboundEvents.AddRange(
                new InboundEvent { Payload = payload, ReceivedAt = DateTime.UtcNow },
                new InboundEvent { Payload = payload, ReceivedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.InboundEvents.AllAsync(e => e.ProcessedAt != null), "both deliveries to be processed");
        Assert.Equal(1, await check.Messages.CountAsync(m => m.Wamid == "wamid.TWICE"));
        Assert.All(await check.InboundEvents.ToListAsync(), e => Assert.Equal((1, null), (e.Attempts, e.LastError)));
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_parked_while_the_events_around_it_are_processed()
    {
        await using var factory = new InboxAppFactory();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var real = services.Single(s => s.ServiceType == typeof(INumberProtector));
            services.Remove(real);
            services.AddSingleton<INumberProtector>(sp => new FailingFor(PoisonNumber, (INumberProtector)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        }));
        var contexts = app.Services.GetRequiredService<IDbContextFactory<BowInbox.Data.InboxDbContext>>();

        // Stored in one go, so the processor takes them as one group: the failure in the middle rolls the group back.
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.InboundEvents.AddRange(
                new InboundEvent { Payload = Webhooks.Text("15557000101", "before", "wamid.BEFORE"), ReceivedAt = DateTime.UtcNow },
                new InboundEvent { Payload = Webhooks.Text(PoisonNumber, "poison", "wamid.POISON"), ReceivedAt = DateTime.UtcNow },
                new InboundEvent { Payload = Webhooks.Text("15557000102", "after", "wamid.AFTER"), ReceivedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = await contexts.CreateDbContextAsync();
        await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.Wamid == "wamid.AFTER"), "the event after the failing one to be processed");
        Assert.True(await check.Messages.AnyAsync(m => m.Wamid == "wamid.BEFORE"));
        await Eventually.TrueAsync(
            () => check.InboundEvents.AnyAsync(e => e.Payload.Contains("wamid.POISON") && e.ProcessedAt != null),
            "the failing event to be parked after its attempts",
            30_000);
        var parked = await check.InboundEvents.AsNoTracking().SingleAsync(e => e.Payload.Contains("wamid.POISON"));
        Assert.Equal(5, parked.Attempts);
        Assert.Contains("poisoned", parked.LastError);
        Assert.DoesNotContain(PoisonNumber, parked.LastError);
        Assert.False(await check.Messages.AnyAsync(m => m.Wamid == "wamid.POISON"));
        Assert.Equal(2, await check.Messages.CountAsync());
    }

    [Fact]
    public async Task A_stored_payload_that_no_longer_parses_is_set_aside_with_its_reason_and_the_next_is_processed()
    {
        await using var app = new InboxAppFactory();
        await using (var db = app.CreateDbContext())
        {
            db.InboundEvents.AddRange(
                new InboundEvent { Payload = "{\"object\": \"whatsapp_business_account\", \"entry\": [", ReceivedAt = DateTime.UtcNow },
                new InboundEvent { Payload = Webhooks.Text("15557000103", "still here", "wamid.NEXT"), ReceivedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.Wamid == "wamid.NEXT"), "the event after the broken one to be processed");
        await Eventually.TrueAsync(() => check.InboundEvents.AllAsync(e => e.ProcessedAt != null), "both events to be marked processed");
        var broken = await check.InboundEvents.AsNoTracking().OrderBy(e => e.Id).FirstAsync();
        Assert.Contains("not valid JSON", broken.LastError);
        Assert.Equal(1, await check.Messages.CountAsync());
    }

    private sealed class FailingFor(string number, INumberProtector inner) : INumberProtector
    {
        public string Protect(string waId) => inner.Protect(waId);

        public string Unprotect(string protectedWaId) => inner.Unprotect(protectedWaId);

        public string Hash(string waId) => waId == number ? throw new InvalidOperationException($"poisoned for the test: {waId}") : inner.Hash(waId);

        public string LegacyHash(string waId) => inner.LegacyHash(waId);
    }
}
