using BowInbox.Core.Messaging;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Inbox;
using BowInbox.Web.WhatsApp;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

/// <summary>The thread shows what really went out: a template send as the template, by name and in its own words.</summary>
public sealed class SentTemplateTests : BunitContext
{
    public SentTemplateTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_template_payload_reads_back_as_its_name_and_filled_in_text()
    {
        var payload = MessageTemplates.RequestFollowUp.Payload(["Beatriz", "42"]);

        var sent = SentTemplates.Read(payload);

        Assert.Equal(new SentTemplate("request_follow_up", "Hi Beatriz, this is the team following up on your request #42. Reply to this message to continue."), sent);
        Assert.Null(SentTemplates.Read(BowInbox.Core.WhatsApp.OutboundPayloads.Template("unknown_template", "en", ["x"])));
    }

    [Fact]
    public void The_thread_shows_the_template_instead_of_the_stored_text()
    {
        var message = new ThreadMessage(1, MessageDirection.ToCustomer, "Ivy Chen", "text", "a free text that never went out", false, DeliveryStatus.Delivered,
            null, null, null, null, null, null, null, new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc))
        {
            Template = new SentTemplate("relayed_message", "#7 Ivy: on our way"),
        };

        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, new[] { message }));

        Assert.Contains("relayed_message", thread.Find("[data-testid=template-name]").TextContent);
        Assert.Equal("#7 Ivy: on our way", thread.Find("[data-testid=template-text]").TextContent);
        Assert.DoesNotContain("never went out", thread.Markup);
    }

    [Fact]
    public async Task An_offer_sent_outside_the_window_shows_as_the_new_lead_offer_template()
    {
        await using var app = new RoutingApp();
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(RoutingApp.Customer, "burst pipe under the sink, downtown"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)), "the offer to reach a technician");
        await using var db = app.CreateDbContext();
        var ticketId = await db.Messages.Where(m => m.Direction == MessageDirection.ToProvider).Select(m => m.TicketId).SingleAsync(Xunit.TestContext.Current.CancellationToken);

        var thread = await app.Services.GetRequiredService<InboxQueries>().ThreadAsync(Relay.RelayTestData.Staff(), ticketId, cancellationToken: Xunit.TestContext.Current.CancellationToken);

        var offer = Assert.Single(thread!.Messages, m => m.Direction == MessageDirection.ToProvider);
        Assert.Equal("new_lead_offer", offer.Template?.Name);
        Assert.StartsWith($"New job #{ticketId}: ", offer.Template!.Text);
        Assert.Contains("burst pipe under the sink", offer.Template.Text);
        Assert.EndsWith("Accept or decline below.", offer.Template.Text);
        Assert.Equal(offer.Template.Text, offer.Text);
        Assert.True(offer.Parties!.Automatic);
    }
}
