using System.Net;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using BowInbox.Web.Sms;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Sms;

public sealed class SharedSmsApp : IAsyncLifetime
{
    public SmsApp App { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _ = App.Server;
        await App.AddSmsCentralAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class SmsWebhookTests(SharedSmsApp shared) : IClassFixture<SharedSmsApp>
{
    private SmsApp App => shared.App;

    [Fact]
    public async Task A_signed_sms_opens_an_sms_ticket_and_is_stored_without_the_number_in_clear()
    {
        const string from = "15557000101";
        var http = App.CreateBrowserlessClient();

        var response = await SmsApp.PostSmsAsync(http, SmsApp.Text(from, "hello there, my boiler is broken", "SMsigned0000000000000000000000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "SMsigned0000000000000000000000001"), "the SMS to be stored");
        var ticketId = await db.Messages.Where(m => m.Wamid == "SMsigned0000000000000000000000001").Select(m => m.TicketId).SingleAsync();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.Equal("Sms", ticket.Channel);
        Assert.Contains(await db.TicketEvents.Where(e => e.TicketId == ticket.Id).Select(e => e.Detail).ToListAsync(), d => d.EndsWith("by SMS", StringComparison.Ordinal));
        Assert.DoesNotContain(from, string.Join("|", await db.InboundEvents.Select(e => e.Payload).ToListAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(from, string.Join("|", await db.Contacts.Select(c => c.WaIdProtected + c.WaIdHash).ToListAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-signature")]
    [InlineData("")]
    public async Task A_badly_signed_sms_is_refused_with_403_and_changes_nothing(string signature)
    {
        var http = App.CreateBrowserlessClient();
        await using var db = App.CreateDbContext();
        var events = await db.InboundEvents.CountAsync();
        var optOuts = await db.SmsOptOuts.CountAsync();

        var text = await SmsApp.PostSmsAsync(http, SmsApp.Text("15557000102", "hello"), signature: signature);
        var stop = await SmsApp.PostSmsAsync(http, SmsApp.Text("15557000102", "STOP"), signature: signature);
        var status = await SmsApp.PostSmsAsync(http, new Dictionary<string, string> { ["MessageSid"] = "SMx", ["MessageStatus"] = "delivered", ["From"] = "+" + SmsApp.SmsCentral }, SmsWebhookEndpoints.StatusPath, signature);

        Assert.All([text, stop, status], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(events, await db.InboundEvents.CountAsync());
        Assert.Equal(optOuts, await db.SmsOptOuts.CountAsync());
    }

    [Fact]
    public async Task A_form_signed_for_other_fields_is_refused()
    {
        var http = App.CreateBrowserlessClient();
        var form = SmsApp.Text("15557000103", "hello");
        var signature = Core.Sms.SmsSignature.Compute("http://localhost" + SmsWebhookEndpoints.Path, form, SmsApp.AuthToken);
        form["Body"] = "hello, changed on the way";

        Assert.Equal(HttpStatusCode.Forbidden, (await SmsApp.PostSmsAsync(http, form, signature: signature)).StatusCode);
    }

    [Fact]
    public async Task Stop_opts_the_phone_out_until_start_and_help_answers_the_help_text()
    {
        const string from = "15557000104";
        var http = App.CreateBrowserlessClient();
        await using var db = App.CreateDbContext();

        Assert.Equal(HttpStatusCode.OK, (await SmsApp.PostSmsAsync(http, SmsApp.Text(from, "Stop"))).StatusCode);
        await Eventually.TrueAsync(() => App.SmsApi.Requests.Any(r => r.To == "+" + from && r.Body == SmsKeywordReplies.StoppedText), "the STOP confirmation");
        var optOut = await db.SmsOptOuts.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(from, optOut.NumberHash, StringComparison.Ordinal);

        // Anything else queued to the phone now fails visibly instead of going out.
        var hash = optOut.NumberHash;
        var contactless = new BowInbox.Web.WhatsApp.Recipient(App.Get<Core.Numbers.INumberProtector>().Protect(from), hash);
        db.Outbox.Add(new OutboxMessage { FromPhoneNumberId = SmsApp.SmsCentral, ToProtected = contactless.WaIdProtected, RecipientHash = hash, Kind = OutboxKind.Text, PayloadJson = Core.WhatsApp.OutboundPayloads.Text("A later update"), NextAttemptAt = DateTime.UtcNow.AddMinutes(-1), CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        App.Get<BowInbox.Web.WhatsApp.OutboxWriter>().NotifySender();
        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.RecipientHash == hash && o.Status == OutboxStatus.Failed && o.LastError!.StartsWith(SmsOutbox.OptedOutTitle)), "the send to an opted-out phone to fail");
        Assert.DoesNotContain(App.SmsApi.Requests, r => r.Body == "A later update");

        await SmsApp.PostSmsAsync(http, SmsApp.Text(from, "STOP"));
        await SmsApp.PostSmsAsync(http, SmsApp.Text(from, "START"));
        await Eventually.TrueAsync(() => App.SmsApi.Requests.Any(r => r.To == "+" + from && r.Body == SmsKeywordReplies.StartedText), "the START confirmation");
        Assert.False(await db.SmsOptOuts.AnyAsync(o => o.NumberHash == hash));
        Assert.Single(App.SmsApi.Requests, r => r.To == "+" + from && r.Body == SmsKeywordReplies.StoppedText);

        await SmsApp.PostSmsAsync(http, SmsApp.Text(from, "help"));
        await Eventually.TrueAsync(() => App.SmsApi.Requests.Any(r => r.To == "+" + from && r.Body == new SmsOptions().HelpText), "the HELP answer");

        // Keywords are carrier business, not conversation: no ticket was opened for them.
        Assert.False(await db.Contacts.AnyAsync(c => c.WaIdHash == hash));
        Assert.All(App.SmsApi.Requests, r => Assert.Equal($"/2010-04-01/Accounts/{SmsApp.AccountSid}/Messages.json", r.Path));
    }

    [Fact]
    public async Task A_status_callback_moves_the_delivery_tick()
    {
        const string from = "15557000105";
        var http = App.CreateBrowserlessClient();
        await using var db = App.CreateDbContext();
        await SmsApp.PostSmsAsync(http, SmsApp.Text(from, "my fridge is broken", "SMstatusin000000000000000000000001"));
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "SMstatusin000000000000000000000001"), "the SMS to be stored");
        var ticketId = await db.Messages.Where(m => m.Wamid == "SMstatusin000000000000000000000001").Select(m => m.TicketId).SingleAsync();
        var message = new Message { TicketId = ticketId, Direction = MessageDirection.ToCustomer, AuthorName = "test", Type = "text", Text = "x", PhoneNumberId = SmsApp.SmsCentral, Status = DeliveryStatus.Sent, Wamid = "SMstatus00000000000000000000000001", CreatedAt = DateTime.UtcNow };
        db.Messages.Add(message);
        await db.SaveChangesAsync();

        var response = await SmsApp.PostSmsAsync(http, new Dictionary<string, string> { ["MessageSid"] = message.Wamid, ["MessageStatus"] = "delivered", ["From"] = "+" + SmsApp.SmsCentral, ["To"] = "+" + from }, SmsWebhookEndpoints.StatusPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == message.Id && m.Status == DeliveryStatus.Delivered), "the delivered tick");
    }
}
