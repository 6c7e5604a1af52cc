using System.Net;
using BowInbox.Core.Api;
using BowInbox.Core.Webhooks;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

public sealed class WebhookTestApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<int> SubscriptionAsync()
    {
        await using var db = shared.App.CreateDbContext();
        var subscription = new WebhookSubscription
        {
            Url = "https://receiver.example/hooks",
            EventTypes = WebhookEventTypes.TicketCreated,
            SecretProtected = "not-used-by-this-test",
            Enabled = false,
            CreatedAt = DateTime.UtcNow,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    [Fact]
    public async Task A_webhooks_key_queues_a_signed_ping_for_the_subscription()
    {
        var id = await SubscriptionAsync();
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Webhooks);

        var response = await ApiClients.PostAsync(client, "/api/v1/webhooks/test", new { subscriptionId = id });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var eventId = (await ApiClients.JsonAsync(response)).GetProperty("eventId").GetString();
        await using var db = shared.App.CreateDbContext();
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).SingleAsync(d => d.SubscriptionId == id);
        Assert.Equal(eventId, delivery.Event!.EventId);
        Assert.Equal(WebhookEventTypes.Ping, delivery.Event.Type);
    }

    [Fact]
    public async Task An_event_about_a_ticket_carries_its_external_references_and_never_the_customers_number()
    {
        var writer = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);
        var lead = await ApiClients.JsonAsync(await ApiClients.PostAsync(writer, "/api/v1/leads",
            ApiClients.Lead("+15557040001", reference: new { kind = "booking", id = "BK-4001" })));
        var ticketId = lead.GetProperty("ticketId").GetInt32();
        var created = new WebhookEvent { EventId = WebhookEvent.NewEventId(), Type = WebhookEventTypes.TicketCreated, TicketId = ticketId, CreatedAt = DateTime.UtcNow };

        await using var db = shared.App.CreateDbContext();
        await Web.Webhooks.WebhookPayloads.BuildAsync(db, [created], CancellationToken.None);

        using var payload = System.Text.Json.JsonDocument.Parse(created.PayloadJson!);
        var reference = Assert.Single(payload.RootElement.GetProperty("data").GetProperty("ticket").GetProperty("externalReferences").EnumerateArray());
        Assert.Equal("booking", reference.GetProperty("kind").GetString());
        Assert.Equal("BK-4001", reference.GetProperty("id").GetString());
        Assert.DoesNotContain("5557040001", created.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_subscription_is_404_a_missing_id_400_and_another_scope_403()
    {
        var id = await SubscriptionAsync();
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Webhooks);
        var reader = await ApiClients.ClientAsync(shared.App, ApiScopes.Read, ApiScopes.Write, ApiScopes.Sessions);

        var unknown = await ApiClients.PostAsync(client, "/api/v1/webhooks/test", new { subscriptionId = 999_999 });
        var missing = await ApiClients.PostAsync(client, "/api/v1/webhooks/test", new { });
        var denied = await ApiClients.PostAsync(reader, "/api/v1/webhooks/test", new { subscriptionId = id });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        await using var db = shared.App.CreateDbContext();
        Assert.False(await db.WebhookDeliveries.AnyAsync(d => d.SubscriptionId == id));
    }
}
