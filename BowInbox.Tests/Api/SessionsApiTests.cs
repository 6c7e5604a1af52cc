using System.Net;
using BowInbox.Core.Api;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

public sealed class SessionsApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<int> ProviderAsync(string name)
    {
        await using var db = shared.App.CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync();
    }

    private static object Booking(string whatsApp, int providerId, string booking)
        => new { whatsApp, name = "Lena Park", providerId, externalReference = new { kind = "booking", id = booking }, service = "plumbing", area = "downtown" };

    [Fact]
    public async Task Opening_a_session_assigns_the_booking_briefs_the_provider_on_a_pool_number_and_lists_it_open()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Sessions);
        var tom = await ProviderAsync("Tom Baker");

        var response = await ApiClients.PostAsync(client, "/api/v1/sessions", Booking("+15557030001", tom, "BK-3001"));
        var session = await ApiClients.JsonAsync(response);
        var listed = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/sessions?externalKind=booking&externalId=BK-3001"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("open", session.GetProperty("state").GetString());
        Assert.Equal("Tom Baker", session.GetProperty("provider").GetString());
        var ticketId = session.GetProperty("ticketId").GetInt32();
        await using var db = shared.App.CreateDbContext();
        var row = await db.RelaySessions.SingleAsync(s => s.TicketId == ticketId);
        Assert.NotEqual(Web.Seed.DemoData.CentralPhoneNumberId, row.PoolPhoneNumberId);
        Assert.Equal(TicketStatus.Assigned, (await db.Tickets.SingleAsync(t => t.Id == ticketId)).Status);
        Assert.True(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToProvider && m.PhoneNumberId == row.PoolPhoneNumberId));
        Assert.True(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToCustomer));
        Assert.Equal(session.GetProperty("id").GetInt64(), Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Closing_ends_the_relay_and_the_same_booking_can_open_a_new_session_later()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Sessions);
        var ana = await ProviderAsync("Ana Lopez");
        var first = await ApiClients.JsonAsync(await ApiClients.PostAsync(client, "/api/v1/sessions", Booking("+15557030002", ana, "BK-3002")));
        var id = first.GetProperty("id").GetInt64();

        var closed = await client.PatchAsync($"/api/v1/sessions/{id}", System.Net.Http.Json.JsonContent.Create(new { state = "closed", reason = "lesson finished" }));
        var again = await client.PatchAsync($"/api/v1/sessions/{id}", System.Net.Http.Json.JsonContent.Create(new { state = "closed" }));
        var second = await ApiClients.PostAsync(client, "/api/v1/sessions", Booking("+15557030002", ana, "BK-3002"));
        var both = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/sessions?externalId=BK-3002"));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var body = await ApiClients.JsonAsync(closed);
        Assert.Equal("closed", body.GetProperty("state").GetString());
        Assert.Equal("lesson finished", body.GetProperty("closeReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(["open", "closed"], both.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("state").GetString()!).ToArray());
        await using var db = shared.App.CreateDbContext();
        Assert.Equal(TicketStatus.Resolved, (await db.Tickets.SingleAsync(t => t.Id == first.GetProperty("ticketId").GetInt32())).Status);
    }

    [Fact]
    public async Task Another_keys_sessions_can_be_neither_seen_nor_closed()
    {
        var owner = await ApiClients.ClientAsync(shared.App, ApiScopes.Sessions);
        var other = await ApiClients.ClientAsync(shared.App, ApiScopes.Sessions);
        var eli = await ProviderAsync("Eli Watts");
        var session = await ApiClients.JsonAsync(await ApiClients.PostAsync(owner, "/api/v1/sessions", Booking("+15557030003", eli, "BK-3003")));

        var listed = await ApiClients.JsonAsync(await other.GetAsync("/api/v1/sessions?externalId=BK-3003"));
        var close = await other.PatchAsync($"/api/v1/sessions/{session.GetProperty("id").GetInt64()}", System.Net.Http.Json.JsonContent.Create(new { state = "closed" }));

        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        await using var db = shared.App.CreateDbContext();
        Assert.Null((await db.RelaySessions.SingleAsync(s => s.Id == session.GetProperty("id").GetInt64())).ClosedAt);
    }

    [Fact]
    public async Task A_session_request_without_booking_or_provider_is_400_and_an_unknown_provider_404()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Sessions);

        var invalid = await ApiClients.PostAsync(client, "/api/v1/sessions", new { whatsApp = "+15557030004", name = "Lena" });
        var unknown = await ApiClients.PostAsync(client, "/api/v1/sessions", Booking("+15557030004", 999999, "BK-3004"));
        var badPatch = await client.PatchAsync("/api/v1/sessions/1", System.Net.Http.Json.JsonContent.Create(new { state = "open" }));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ApiClients.JsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("externalReference", out _));
        Assert.True(errors.TryGetProperty("providerId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
    }
}
