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
        Assert.False(await check.Messages.AnyAsync(m => m.Wamid == "wamid.POISON"));
        Assert.Equal(2, await check.Messages.CountAsync());
    }

    private sealed class FailingFor(string number, INumberProtector inner) : INumberProtector
    {
        public string Protect(string waId) => inner.Protect(waId);

        public string Unprotect(string protectedWaId) => inner.Unprotect(protectedWaId);

        public string Hash(string waId) => waId == number ? throw new InvalidOperationException("poisoned for the test") : inner.Hash(waId);
    }
}
