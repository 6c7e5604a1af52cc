using System.Net;
using BowInbox.Core.Alerts;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

public sealed class SendingStoppedTests
{
    private const string Central = "100000000000001";

    [Fact]
    public async Task Spam_limit_131048_stops_the_number_alerts_and_degrades_health_until_resumed()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        app.Graph.RespondNext(HttpStatusCode.BadRequest, Fixtures.Text("send_error_400_131048.json"));

        var first = await app.Replies().ReplyAsync(ticketId, "first", ChannelTestData.Agent);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == first.MessageId && m.Status == DeliveryStatus.Failed), "the send to fail");
        var failed = await db.Outbox.SingleAsync(o => o.MessageId == first.MessageId);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        var number = await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.PhoneNumberId == Central);
        Assert.NotNull(number.SendingStoppedAt);
        Assert.Equal(131048, number.SendingStoppedCode);
        var alert = await db.SupervisorAlerts.SingleAsync(a => a.Kind == SupervisorAlertKind.SendingStopped);
        Assert.Null(alert.TicketId);
        Assert.Contains("131048", alert.Summary);
        Assert.DoesNotContain(ChannelTestData.Customer, alert.Summary);

        var health = await (await app.CreateBrowserlessClient().GetAsync("/health")).Content.ReadAsStringAsync();
        Assert.StartsWith("Degraded", health);
        Assert.Contains($"Sending from number {Central} is stopped", health);

        // Waiting sends fail visibly, and nothing more reaches Meta from that number.
        var second = await app.Replies().ReplyAsync(ticketId, "second", ChannelTestData.Agent);
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == second.MessageId && m.Status == DeliveryStatus.Failed), "the stopped send to fail");
        var stopped = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == second.MessageId);
        Assert.Equal("Sending from this number is stopped", stopped.ErrorTitle);
        Assert.Single(app.Graph.Requests);

        var numbers = app.Services.GetRequiredService<BusinessNumbers>();
        Assert.Null(await numbers.ResumeSendingAsync("admin@demo.local", number.Id));
        Assert.Contains("not stopped", await numbers.ResumeSendingAsync("admin@demo.local", number.Id));
        var third = await app.Replies().ReplyAsync(ticketId, "third", ChannelTestData.Agent);
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == third.MessageId && m.Status == DeliveryStatus.Sent), "the resumed send to go");
        Assert.Equal(2, app.Graph.Requests.Count);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Target == $"number:{Central}" && e.Details.Contains("sending resumed")));
    }

    [Fact]
    public async Task A_number_records_when_its_last_webhook_arrived()
    {
        await using var app = new InboxAppFactory();
        await using var db = app.CreateDbContext();
        Assert.Null((await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.PhoneNumberId == Central)).LastWebhookAt);

        await ChannelTestData.CustomerWroteAsync(app);

        await Eventually.TrueAsync(() => db.ProxyNumbers.AnyAsync(n => n.PhoneNumberId == Central && n.LastWebhookAt != null), "the webhook time to be written");
        Assert.Null((await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.PhoneNumberId == "100000000000011")).LastWebhookAt);
    }
}
