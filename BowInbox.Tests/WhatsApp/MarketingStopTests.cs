using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.WhatsApp;

/// <summary>A customer who stops marketing messages (user_preferences webhook) gets no marketing template until they resume.</summary>
public sealed class MarketingStopTests
{
    [Fact]
    public async Task A_stopped_customer_gets_utility_templates_but_a_marketing_one_is_refused_visibly_until_they_resume()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        var client = app.CreateBrowserlessClient();
        await using var db = app.CreateDbContext();

        await Webhooks.PostSignedAsync(client, Fixtures.Text("user_preferences_marketing_stop.json"));

        await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.MarketingStoppedAt != null), "the stop to be recorded");
        var stoppedAt = DateTimeOffset.FromUnixTimeSeconds(1796000420).UtcDateTime;
        Assert.Equal(stoppedAt, (await db.Contacts.SingleAsync()).MarketingStoppedAt);
        var timeline = await db.TicketEvents.SingleAsync(e => e.TicketId == ticketId && e.Kind == MarketingPreferences.StoppedEvent);
        Assert.DoesNotContain("15557000001", timeline.Detail, StringComparison.Ordinal);

        var marketing = await QueueTemplateAsync(app, ticketId, MessageTemplates.VisitReminder.Payload(["Maria", "1"]).Replace("visit_reminder", "spring_sale", StringComparison.Ordinal));
        var utility = await QueueTemplateAsync(app, ticketId, MessageTemplates.VisitReminder.Payload(["Maria", "1"]));

        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == utility && m.Status == DeliveryStatus.Sent), "the utility template to be sent");
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == marketing && m.Status == DeliveryStatus.Failed), "the marketing template to be refused");
        var refused = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == marketing);
        Assert.Equal(MarketingConsent.RefusedTitle, refused.ErrorTitle);
        Assert.Equal(OutboxStatus.Failed, (await db.Outbox.AsNoTracking().SingleAsync(o => o.MessageId == marketing)).Status);
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("spring_sale", StringComparison.Ordinal));
        Assert.Contains(app.Graph.Requests, r => r.Body.Contains("visit_reminder", StringComparison.Ordinal));

        var resume = Fixtures.Text("user_preferences_marketing_stop.json")
            .Replace("\"value\": \"stop\"", "\"value\": \"resume\"", StringComparison.Ordinal)
            .Replace("1796000420", "1796000480", StringComparison.Ordinal);
        await Webhooks.PostSignedAsync(client, resume);
        await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.MarketingStoppedAt == null), "the resume to be recorded");

        var again = await QueueTemplateAsync(app, ticketId, MessageTemplates.VisitReminder.Payload(["Maria", "2"]).Replace("visit_reminder", "spring_sale", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == again && m.Status == DeliveryStatus.Sent), "the marketing template to go after the resume");
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == MarketingPreferences.ResumedEvent));
    }

    [Fact]
    public async Task A_preference_for_someone_we_never_heard_from_changes_nothing()
    {
        await using var app = new InboxAppFactory();
        await ChannelTestData.CustomerWroteAsync(app, from: "15557000099");

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Fixtures.Text("user_preferences_marketing_stop.json"));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.InboundEvents.AllAsync(e => e.ProcessedAt != null), "the webhook to be processed");
        Assert.False(await db.Contacts.AnyAsync(c => c.MarketingStoppedAt != null));
        Assert.Empty(await db.TicketEvents.Where(e => e.Kind == MarketingPreferences.StoppedEvent).ToListAsync());
    }

    private static async Task<long> QueueTemplateAsync(InboxAppFactory app, int ticketId, string payload)
    {
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == ticketId);
        var message = new Message { TicketId = ticketId, Direction = MessageDirection.ToCustomer, AuthorName = "Ivy Intake", Type = "template", Text = "template", PhoneNumberId = Webhooks.OurNumber, CreatedAt = DateTime.UtcNow };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        var outbox = app.Services.GetRequiredService<OutboxWriter>();
        outbox.EnqueueTemplate(db, Webhooks.OurNumber, new Recipient(ticket.Contact!.WaIdProtected, ticket.Contact.WaIdHash), payload, message.Id);
        await db.SaveChangesAsync();
        outbox.NotifySender();
        return message.Id;
    }
}
