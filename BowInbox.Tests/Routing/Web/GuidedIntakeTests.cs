using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using BowInbox.Web.Routing;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Routing.Web;

/// <summary>Intake as a WhatsApp conversation in the customer's language, and /handoff to a named group.</summary>
public sealed class GuidedIntakeTests
{
    [Fact]
    public async Task Spanish_customer_is_guided_with_a_list_and_buttons_in_Spanish_and_offered_to_the_right_group()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.Customer, "hola"));

        var service = await QuestionAsync(app, "list");
        Assert.StartsWith("¿Con qué necesitas ayuda?", Body(service));
        Assert.Contains(Rows(service), r => r == ("intake:service:plumbing", "Fontanería"));
        Assert.Contains(Rows(service), r => r == ("intake:service:electrical", "Electricidad"));
        Assert.Contains(app.Graph.Requests, r => r.To == RoutingApp.Customer && r.Text!.StartsWith("Hola Maria, ¡gracias por tu mensaje!", StringComparison.Ordinal));

        await Webhooks.PostSignedAsync(http, ListReply("intake:service:plumbing", "Fontanería"));
        var area = await QuestionAsync(app, "list", after: service);
        Assert.StartsWith("¿En qué zona estás?", Body(area));
        var location = await QuestionAsync(app, "location_request_message");
        Assert.Equal("O comparte tu ubicación con el botón de abajo.", Body(location));
        Assert.Equal("send_location", location.Json["interactive"]!["action"]!["name"]!.GetValue<string>());
        Assert.Equal(["downtown", "uptown"], Rows(area).Select(r => r.Id["intake:area:".Length..]).Order());

        await Webhooks.PostSignedAsync(http, ListReply("intake:area:uptown", "Uptown"));
        var urgency = await QuestionAsync(app, "button", after: area);
        Assert.Equal("¿Qué tan urgente es?", Body(urgency));
        Assert.Equal(["Emergencia", "Hoy", "Esta semana"], Buttons(urgency));
        Assert.Empty(await app.OffersAsync(await TicketIdAsync(app)));

        await Webhooks.PostSignedAsync(http, Webhooks.Message(RoutingApp.Customer, Webhooks.OurNumber, $"wamid.B{Guid.NewGuid():N}", Webhooks.ButtonReply("intake:urgency:emergency", "Emergencia")));
        var ticketId = await TicketIdAsync(app);
        var offer = await app.PendingOfferAsync(ticketId);

        Assert.Equal(await app.ProviderIdAsync("Uma Reed"), offer.ProviderId);
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(("plumbing", "uptown", Urgency.Urgent), (ticket.ServiceType, ticket.Area, ticket.Urgency));
        // Each question once, and what the customer was asked and what providers were told carry no customer number.
        var toCustomer = app.Graph.Requests.Where(r => r.To == RoutingApp.Customer).ToList();
        Assert.Equal(4, toCustomer.Count(r => r.Json["type"]?.GetValue<string>() == "interactive"));
        Assert.All(toCustomer, r => Assert.DoesNotContain(RoutingApp.Customer, r.Json["interactive"]?.ToJsonString() ?? r.Text ?? ""));
        Assert.All(app.Graph.Requests.Where(r => r.To != RoutingApp.Customer), r => Assert.DoesNotContain(RoutingApp.Customer, r.Body));
        Assert.DoesNotContain(await db.Messages.Where(m => m.TicketId == ticketId && m.Direction != Core.Messaging.MessageDirection.FromCustomer).Select(m => m.Text).ToListAsync(), t => t != null && t.Contains(RoutingApp.Customer));
    }

    [Fact]
    public async Task Handoff_reaches_the_named_group_with_its_note_at_once()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var first = await app.PendingOfferAsync(ticketId);
        Assert.True((await app.Get<OfferResponses>().AcceptAsync(first.Id, first.ProviderId)).Answer == OfferAnswer.Accepted);

        var waId = first.ProviderId == await app.ProviderIdAsync("Tom Baker") ? RoutingApp.TomWaId : RoutingApp.AnaWaId;
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(waId, "/handoff Electricians need a second pair of hands, call me on 555 010 0001", phoneNumberId: first.PoolPhoneNumberId!));

        var next = await app.PendingOfferAsync(ticketId);
        Assert.Equal(await app.ProviderIdAsync("Eli Watts"), next.ProviderId);
        var eli = await EventuallyOfferToAsync(app, "15550100003");
        Assert.Contains("need a second pair of hands", eli.Body);
        Assert.DoesNotContain("555 010 0001", eli.Body);
        Assert.DoesNotContain(RoutingApp.Customer, eli.Body);

        // Staff read the note on the timeline and as an internal note: the number stays out of both, and of the database.
        await using var db = app.CreateDbContext();
        var stored = await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Detail).ToListAsync(TestContext.Current.CancellationToken);
        stored.AddRange(await db.Messages.Where(m => m.TicketId == ticketId && m.Text != null).Select(m => m.Text!).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(stored, d => d.Contains("need a second pair of hands", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, d => d.Contains("010 0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handoff_never_goes_back_to_the_provider_who_handed_the_job_back()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var first = await app.PendingOfferAsync(ticketId);
        Assert.True((await app.Get<OfferResponses>().AcceptAsync(first.Id, first.ProviderId)).Answer == OfferAnswer.Accepted);
        var tom = await app.ProviderIdAsync("Tom Baker");
        var waId = first.ProviderId == tom ? RoutingApp.TomWaId : RoutingApp.AnaWaId;

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(waId, "/handoff Plumbers - Downtown", phoneNumberId: first.PoolPhoneNumberId!));

        var next = await app.PendingOfferAsync(ticketId);
        Assert.NotEqual(first.ProviderId, next.ProviderId);
        Assert.Equal(first.ProviderId == tom ? await app.ProviderIdAsync("Ana Lopez") : tom, next.ProviderId);
    }

    private static string ListReply(string id, string title)
        => Webhooks.Message(RoutingApp.Customer, Webhooks.OurNumber, $"wamid.L{Guid.NewGuid():N}",
            "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}}");

    private static async Task<GraphRequest> QuestionAsync(RoutingApp app, string kind, GraphRequest? after = null)
    {
        GraphRequest? Find() => app.Graph.Requests.Where(r => r.To == RoutingApp.Customer && r.Json["interactive"]?["type"]?.GetValue<string>() == kind && r != after).LastOrDefault();
        await Eventually.TrueAsync(() => Find() is not null, $"the {kind} question");
        return Find()!;
    }

    private static async Task<GraphRequest> EventuallyOfferToAsync(RoutingApp app, string waId)
    {
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == waId), "the offer on WhatsApp");
        return app.Graph.Requests.First(r => r.To == waId);
    }

    private static string Body(GraphRequest r) => r.Json["interactive"]!["body"]!["text"]!.GetValue<string>();

    private static List<(string Id, string Title)> Rows(GraphRequest r)
        => [.. r.Json["interactive"]!["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray())
            .Select(row => (row!["id"]!.GetValue<string>(), row["title"]!.GetValue<string>()))];

    private static List<string> Buttons(GraphRequest r)
        => [.. r.Json["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!["title"]!.GetValue<string>())];

    private static async Task<int> TicketIdAsync(RoutingApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Tickets.Select(t => t.Id).SingleAsync();
    }
}
