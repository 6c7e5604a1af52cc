using System.Net;
using BowInbox.Core.Api;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

public sealed class TicketsApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<(HttpClient Client, int TicketId)> LeadAsync(string whatsApp, string reference)
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Read, ApiScopes.Write);
        var response = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead(whatsApp, reference: new { kind = "order", id = reference }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await ApiClients.JsonAsync(response)).GetProperty("ticketId").GetInt32());
    }

    [Fact]
    public async Task Tickets_are_filtered_by_external_reference_status_and_update_time()
    {
        var (client, ticketId) = await LeadAsync("+15557020001", "ORD-2001");

        var byReference = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/tickets?externalKind=order&externalId=ORD-2001"));
        var otherKind = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/tickets?externalKind=booking&externalId=ORD-2001"));
        var byStatus = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/tickets?status=new&pageSize=100"));
        var future = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/tickets?updatedSince=2999-01-01T00:00:00Z"));

        Assert.Equal(ticketId, Assert.Single(byReference.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(0, otherKind.GetProperty("total").GetInt32());
        Assert.Contains(byStatus.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == ticketId);
        Assert.All(byStatus.GetProperty("items").EnumerateArray(), t => Assert.Equal("New", t.GetProperty("status").GetString()));
        Assert.Equal(0, future.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Paging_returns_the_asked_page_size_and_the_total()
    {
        var (client, _) = await LeadAsync("+15557020002", "ORD-2002");

        var page = await ApiClients.JsonAsync(await client.GetAsync("/api/v1/tickets?page=1&pageSize=1"));

        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("status=waiting", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("externalKind=order", "externalId")]
    public async Task Bad_filters_are_400_naming_the_field(string query, string field)
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Read);

        var response = await client.GetAsync("/api/v1/tickets?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClients.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_missing_ticket_is_404_everywhere()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Read, ApiScopes.Write);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tickets/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tickets/999999/transcript")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiClients.PostAsync(client, "/api/v1/tickets/999999/status", new { status = "Resolved" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiClients.PostAsync(client, "/api/v1/tickets/999999/notes", new { text = "hi" })).StatusCode);
    }

    [Fact]
    public async Task Status_moves_the_ticket_and_a_move_the_lifecycle_refuses_is_409()
    {
        var (client, ticketId) = await LeadAsync("+15557020003", "ORD-2003");

        var resolved = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/status", new { status = "Resolved" });
        var byHand = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/status", new { status = "Assigned" });
        var unknown = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/status", new { status = "Done" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("Resolved", (await ApiClients.JsonAsync(resolved)).GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, byHand.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Assigning_opens_the_relay_and_notes_stay_internal()
    {
        var (client, ticketId) = await LeadAsync("+15557020004", "ORD-2004");
        await using var db = shared.App.CreateDbContext();
        var tom = await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.Id).SingleAsync();

        var assigned = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/assign", new { providerId = tom });
        var noProvider = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/assign", new { providerId = 999999 });
        var note = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/notes", new { text = "Customer prefers mornings" });
        var empty = await ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/notes", new { text = " " });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(tom, (await ApiClients.JsonAsync(assigned)).GetProperty("ticket").GetProperty("providerId").GetInt32());
        Assert.True(await db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ProviderId == tom && s.ClosedAt == null));
        Assert.Equal(HttpStatusCode.NotFound, noProvider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.True(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.InternalNote && m.Text == "Customer prefers mornings"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task The_transcript_is_masked_and_its_reading_audited()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Read, ApiScopes.Write);
        var lead = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+15557020005", text: "Leak again, call me on 555 702 0099 please"));
        var ticketId = (await ApiClients.JsonAsync(lead)).GetProperty("ticketId").GetInt32();

        var response = await client.GetAsync($"/api/v1/tickets/{ticketId}/transcript");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[number ••99]", text);
        Assert.DoesNotContain("702 0099", text);
        await using var db = shared.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.TranscriptViewed && e.Target == $"ticket #{ticketId}" && e.Actor.StartsWith("api-key:")));
    }
}
