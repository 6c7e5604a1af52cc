using System.Net;
using System.Security.Claims;
using BowInbox.Data.Identity;
using System.Net.Http.Json;
using System.Text.Json;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Core.Widget;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using BowInbox.Web.Widget;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Widget;

/// <summary>The widget's endpoints in-process: origins, limits, size cap, tokens, replies and continuing on WhatsApp.</summary>
public sealed class WidgetEndpointTests : IAsyncLifetime
{
    private const string Site = "https://shop.example";
    private const string VisitorPhone = "15557770123";
    private const string VisitorEmail = "maria.visitor@example.org";

    private readonly InboxAppFactory app = new();
    private HttpClient http = default!;
    private WidgetKey key = default!;

    public async ValueTask InitializeAsync()
    {
        app.Settings["Widget:RequestsPerVisitorPerMinute"] = "8";
        http = app.CreateBrowserlessClient();
        await using var db = app.CreateDbContext();
        key = new WidgetKey { Name = "Shop", PublicKey = "wk_" + Guid.NewGuid().ToString("N")[..24], AllowedOrigins = Site, CreatedBy = "test", CreatedAt = DateTime.UtcNow };
        db.WidgetKeys.Add(key);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? token = null, string origin = Site)
    {
        var request = new HttpRequestMessage(method, $"/widget/api/{key.PublicKey}{path}");
        request.Headers.Add("Origin", origin);
        if (token is not null)
        {
            request.Headers.Add(WidgetVisitorTokens.Header, token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private async Task<JsonElement> WriteAsync(string text, string? token = null)
    {
        var response = await http.SendAsync(Request(HttpMethod.Post, "/messages", new { text }, token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Another_website_is_refused_and_nothing_is_stored()
    {
        var tickets = await CountTicketsAsync();
        var response = await http.SendAsync(Request(HttpMethod.Post, "/messages", new { text = "hello" }, origin: "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = await http.SendAsync(Request(HttpMethod.Options, "/messages", origin: "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, preflight.StatusCode);
        var allowed = await http.SendAsync(Request(HttpMethod.Options, "/messages"));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Site, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(tickets, await CountTicketsAsync());
    }

    [Fact]
    public async Task An_oversized_message_gets_413_and_nothing_is_stored()
    {
        var tickets = await CountTicketsAsync();
        var response = await http.SendAsync(Request(HttpMethod.Post, "/messages", new { text = new string('a', WidgetSettings.MaxMessageLength + 1) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(tickets, await CountTicketsAsync());
    }

    [Fact]
    public async Task A_visitor_past_their_limit_gets_429()
    {
        var token = (await WriteAsync("Is anyone there?")).GetProperty("token").GetString();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            statuses.Add((await http.SendAsync(Request(HttpMethod.Get, "/messages?after=0", token: token))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_changed_or_foreign_token_is_refused()
    {
        var token = (await WriteAsync("My sink leaks")).GetProperty("token").GetString()!;
        var changed = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Request(HttpMethod.Get, "/messages", token: changed))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Request(HttpMethod.Post, "/messages", new { text = "again" }, token: changed))).StatusCode);

        // A genuine token of another widget does not open this widget's conversation.
        var foreign = app.Services.GetRequiredService<WidgetVisitorTokens>().Issue(1, key.Id + 1000);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Request(HttpMethod.Get, "/messages", token: foreign))).StatusCode);
    }

    [Fact]
    public async Task A_visitor_writes_an_agent_replies_and_the_conversation_continues_on_WhatsApp_by_code()
    {
        var sent = await WriteAsync("My boiler is broken, call me on +1 650 253 0000");
        var token = sent.GetProperty("token").GetString();
        var ticketId = await TicketOfAsync(sent.GetProperty("message").GetProperty("id").GetInt64());
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketChannels.WebChat, ticket.Channel);

        // Scanned before anyone reads it: the number is not in the stored text, nor in what the panel gets back.
        var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer);
        Assert.DoesNotContain("253 0000", stored.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("253 0000", sent.GetRawText(), StringComparison.Ordinal);

        var reply = await app.Services.GetRequiredService<ReplySender>().ReplyAsync(ticketId, "We can come today at 3.", new StaffAuthor("", "Agent Ann"));
        Assert.True(reply.Succeeded, reply.Message);
        Assert.False(await db.Outbox.AnyAsync(o => o.MessageId == reply.MessageId), "a web chat reply is not sent to WhatsApp");

        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(Request(HttpMethod.Post, "/email", new { email = VisitorEmail }, token))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(Request(HttpMethod.Post, "/email", new { email = "not an email" }, token))).StatusCode);
        var visitor = await db.WidgetVisitors.AsNoTracking().SingleAsync(v => v.TicketId == ticketId);
        Assert.DoesNotContain(VisitorEmail, visitor.EmailProtected, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(VisitorEmail, visitor.EmailHash, StringComparison.OrdinalIgnoreCase);

        var history = await http.SendAsync(Request(HttpMethod.Get, "/messages?after=0", token: token));
        var historyJson = await history.Content.ReadAsStringAsync();
        Assert.Contains("We can come today at 3.", historyJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Agent Ann", historyJson, StringComparison.Ordinal);

        var offer = await (await http.SendAsync(Request(HttpMethod.Post, "/whatsapp", token: token))).Content.ReadFromJsonAsync<JsonElement>();
        var code = offer.GetProperty("code").GetString()!;
        Assert.StartsWith("https://wa.me/15550000000?text=", offer.GetProperty("link").GetString(), StringComparison.Ordinal);

        await Webhooks.PostSignedAsync(http, Webhooks.Text(VisitorPhone, HandoverCode.PrefilledText(code)));
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Channel == TicketChannels.WhatsApp), "the ticket to continue on WhatsApp");
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Detail == WidgetHandover.MovedDetail));
        Assert.True(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Wamid != null && m.Text!.Contains(code)), "the WhatsApp message is on the same ticket");
        Assert.Equal(2, await db.Messages.CountAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer));

        // The same code does not move another conversation; the panel now says where it went and shows no WhatsApp text.
        var after = await (await http.SendAsync(Request(HttpMethod.Get, "/messages?after=0", token: token))).Content.ReadAsStringAsync();
        Assert.Contains("\"moved\":true", after, StringComparison.Ordinal);
        Assert.DoesNotContain(code, after, StringComparison.Ordinal);
        Assert.DoesNotContain(VisitorPhone, after, StringComparison.Ordinal);
        Assert.DoesNotContain(VisitorEmail, after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await http.SendAsync(Request(HttpMethod.Post, "/messages", new { text = "still there?" }, token))).StatusCode);
    }

    [Fact]
    public async Task Only_an_Admin_manages_widgets_and_bad_settings_change_nothing()
    {
        var widgets = app.Services.GetRequiredService<WidgetKeyAdministration>();
        var supervisor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "sup"), new Claim(ClaimTypes.Role, Roles.Supervisor)], "test"));
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var draft = new WidgetKeyDraft("Blog", "https://blog.example", "#123456", "Hello", "en");

        Assert.False((await widgets.CreateAsync(supervisor, draft)).Succeeded);
        Assert.Empty(await widgets.ListAsync(supervisor));
        Assert.False((await widgets.RevokeAsync(supervisor, key.Id)).Succeeded);
        Assert.Contains("https://blog.example/x", (await widgets.CreateAsync(admin, draft with { Origins = "https://blog.example/x" })).Message, StringComparison.Ordinal);
        Assert.False((await widgets.CreateAsync(admin, draft with { Color = "red" })).Succeeded);
        Assert.DoesNotContain(await widgets.ListAsync(admin), w => w.Name == "Blog");

        Assert.True((await widgets.CreateAsync(admin, draft)).Succeeded);
        var created = (await widgets.ListAsync(admin)).Single(w => w.Name == "Blog");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/widget.js?key={created.PublicKey}")).StatusCode);
        Assert.True((await widgets.RevokeAsync(admin, created.Id)).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/widget.js?key={created.PublicKey}")).StatusCode);

        var page = await http.GetAsync("/admin/channels");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_web_chat_is_not_offered_or_assigned_to_a_technician_until_it_continues_on_WhatsApp()
    {
        var sent = await WriteAsync("The kitchen sink is leaking, I'm downtown");
        var ticketId = await TicketOfAsync(sent.GetProperty("message").GetProperty("id").GetInt64());
        int tom;
        await using (var db = app.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            (ticket.ServiceType, ticket.Area, ticket.Status) = ("plumbing", "downtown", TicketStatus.Qualified);
            await db.SaveChangesAsync();
            tom = await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.Id).SingleAsync();
        }

        var routed = await app.Services.GetRequiredService<BowInbox.Web.Routing.TicketRouter>().RouteAsync(ticketId);
        Assert.False(routed.Offered);
        Assert.Contains("continues on WhatsApp", routed.Message, StringComparison.Ordinal);
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));
        var assigned = await app.Services.GetRequiredService<BowInbox.Web.Relay.RelayAssignment>().AssignAsync(staff, ticketId, tom);
        Assert.False(assigned.Succeeded);
        Assert.Contains("web chat", assigned.Message, StringComparison.Ordinal);

        await using var check = app.CreateDbContext();
        Assert.False(await check.Offers.AnyAsync(o => o.TicketId == ticketId));
        Assert.False(await check.RelaySessions.AnyAsync(r => r.TicketId == ticketId));
        Assert.Null((await check.Tickets.SingleAsync(t => t.Id == ticketId)).ProviderId);
    }

    private async Task<int> CountTicketsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Tickets.CountAsync();
    }

    private async Task<int> TicketOfAsync(long messageId)
    {
        await using var db = app.CreateDbContext();
        return await db.Messages.Where(m => m.Id == messageId).Select(m => m.TicketId).SingleAsync();
    }
}
