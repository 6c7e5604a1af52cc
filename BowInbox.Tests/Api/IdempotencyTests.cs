using System.Net;
using BowInbox.Core.Api;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

public sealed class IdempotencyTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_returns_the_first_answer_and_changes_nothing()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);
        var lead = ApiClients.Lead("+15557040001", reference: new { kind = "order", id = "ORD-4001" });

        var first = await ApiClients.PostAsync(client, "/api/v1/leads", lead, "lead-4001");
        var firstBody = await first.Content.ReadAsStringAsync();
        await using var db = shared.App.CreateDbContext();
        var tickets = await db.Tickets.CountAsync();
        var outbox = await db.Outbox.CountAsync();
        var retry = await ApiClients.PostAsync(client, "/api/v1/leads", lead, "lead-4001");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(tickets, await db.Tickets.CountAsync());
        Assert.Equal(outbox, await db.Outbox.CountAsync());
        Assert.Equal(1, await db.ExternalReferences.CountAsync(r => r.Value == "ORD-4001"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);
        await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+15557040002"), "lead-4002");
        await using var db = shared.App.CreateDbContext();
        var tickets = await db.Tickets.CountAsync();

        var other = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+15557040003"), "lead-4002");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Equal(tickets, await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task Another_api_key_with_the_same_idempotency_key_gets_its_own_answer()
    {
        var one = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);
        var two = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);

        var first = await ApiClients.JsonAsync(await ApiClients.PostAsync(one, "/api/v1/leads", ApiClients.Lead("+15557040004"), "shared-key"));
        var second = await ApiClients.JsonAsync(await ApiClients.PostAsync(two, "/api/v1/leads", ApiClients.Lead("+15557040004"), "shared-key"));

        Assert.NotEqual(first.GetProperty("ticketId").GetInt32(), second.GetProperty("ticketId").GetInt32());
    }

    [Fact]
    public async Task A_failed_request_frees_its_key_for_the_corrected_retry()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);

        var invalid = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("12"), "lead-4005");
        var corrected = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+15557040005"), "lead-4005");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task A_retried_session_opens_once()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Sessions);
        await using var db = shared.App.CreateDbContext();
        var uma = await db.Providers.Where(p => p.DisplayName == "Uma Reed").Select(p => p.Id).SingleAsync();
        var body = new { whatsApp = "+15557040006", name = "Lena Park", providerId = uma, externalReference = new { kind = "booking", id = "BK-4006" } };

        var first = await ApiClients.PostAsync(client, "/api/v1/sessions", body, "session-4006");
        var retry = await ApiClients.PostAsync(client, "/api/v1/sessions", body, "session-4006");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var ticketId = (await ApiClients.JsonAsync(first)).GetProperty("ticketId").GetInt32();
        Assert.Equal(1, await db.RelaySessions.CountAsync(s => s.TicketId == ticketId));
    }
}
