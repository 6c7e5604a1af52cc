using System.Net;
using BowInbox.Core.Api;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

public sealed class LeadsApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_lead_becomes_a_protected_contact_and_a_ticket_and_starts_the_conversation_with_a_template()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);

        var response = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+1 555 701 0001", reference: new { kind = "booking", id = "BK-1001" }));
        var body = await ApiClients.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticketId = body.GetProperty("ticketId").GetInt32();
        Assert.Equal($"/api/v1/tickets/{ticketId}", response.Headers.Location!.OriginalString);
        Assert.True(body.GetProperty("conversationStarted").GetBoolean());
        Assert.Equal("Maria", body.GetProperty("ticket").GetProperty("customerFirstName").GetString());
        Assert.Equal("BK-1001", body.GetProperty("ticket").GetProperty("externalReferences")[0].GetProperty("id").GetString());
        await using var db = shared.App.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == ticketId);
        Assert.Equal("plumbing", ticket.ServiceType);
        Assert.Equal(Core.Tickets.Urgency.Urgent, ticket.Urgency);
        Assert.DoesNotContain("5557010001", ticket.Contact!.WaIdProtected);
        Assert.Contains(await db.Messages.Where(m => m.TicketId == ticketId).ToListAsync(),
            m => m.Direction == MessageDirection.FromCustomer && m.Text == "My kitchen tap is leaking badly");
        var messageIds = await db.Messages.Where(m => m.TicketId == ticketId).Select(m => (long?)m.Id).ToListAsync();
        var template = Assert.Single(await db.Outbox.Where(o => o.Kind == OutboxKind.Template && messageIds.Contains(o.MessageId)).ToListAsync());
        Assert.Contains("request_follow_up", template.PayloadJson);
        Assert.Equal(Web.Seed.DemoData.CentralPhoneNumberId, template.FromPhoneNumberId);
    }

    [Fact]
    public async Task A_lead_from_a_bsuid_creates_a_contact_known_by_it()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);

        var response = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("US.13491208655302741001"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticketId = (await ApiClients.JsonAsync(response)).GetProperty("ticketId").GetInt32();
        await using var db = shared.App.CreateDbContext();
        var contact = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!).SingleAsync();
        Assert.Equal(contact.WaIdHash, contact.UserIdHash);
    }

    [Fact]
    public async Task An_invalid_lead_is_400_naming_every_field_and_changes_nothing()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);
        await using var before = shared.App.CreateDbContext();
        var tickets = await before.Tickets.CountAsync();

        var response = await ApiClients.PostAsync(client, "/api/v1/leads",
            new { whatsApp = "12", name = "", text = "", urgency = "soon", externalReference = new { kind = "Booking!", id = "x" } });
        var problem = await ApiClients.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "whatsApp", "name", "text", "urgency", "externalReference" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }

        await using var after = shared.App.CreateDbContext();
        Assert.Equal(tickets, await after.Tickets.CountAsync());
    }

    [Fact]
    public async Task A_reference_that_is_a_phone_number_is_refused()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);

        var response = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead("+15557010003", reference: new { kind = "order", id = "+1 555 701 0003" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("phone number", (await ApiClients.JsonAsync(response)).GetProperty("errors").GetProperty("externalReference")[0].GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem_not_a_page()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);

        var response = await client.PostAsync("/api/v1/leads", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
