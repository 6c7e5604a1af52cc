using System.Net;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Web.Seed;
using BowInbox.Tests.Support;
using BowInbox.Web.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

public sealed class SimulatorTests
{
    [Fact]
    public async Task Simulated_phones_do_not_exist_outside_development()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync("/dev/phones");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(app.Services.GetService<SimulatorPhones>());
    }

    [Fact]
    public async Task Simulated_phones_are_for_signed_in_admins_only()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:GraphApiBaseUrl"] = "";

        var anonymous = await app.CreateBrowserlessClient().GetAsync("/dev/phones");
        using var intake = await Login.AsAsync(app, "intake@demo.local");
        var asIntake = await intake.GetAsync("/dev/phones");
        using var supervisor = await Login.AsAsync(app, "supervisor@demo.local");
        var asSupervisor = await supervisor.GetAsync("/dev/phones");
        using var admin = await Login.AsAsync(app, "admin@demo.local");
        var asAdmin = await admin.GetAsync("/dev/phones");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/Account/Login", anonymous.Headers.Location!.AbsolutePath());
        Assert.Equal("/Account/AccessDenied", asIntake.Headers.Location!.AbsolutePath());
        Assert.Equal("/Account/AccessDenied", asSupervisor.Headers.Location!.AbsolutePath());
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("phone", await asAdmin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_graph_url_in_development_sends_reach_the_simulated_phone_and_come_back_delivered()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:GraphApiBaseUrl"] = "";
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);

        var result = await app.Replies().ReplyAsync(ticketId, "On our way", ChannelTestData.Agent);

        var phones = app.Services.GetRequiredService<SimulatorPhones>();
        await Eventually.TrueAsync(() => phones.For(ChannelTestData.Customer).Any(m => m.Text == "On our way" && !m.FromPhone), "the simulated phone to receive the reply");
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Status == DeliveryStatus.Delivered), "the simulator's delivery status");
        Assert.Empty(app.Graph.Requests);
    }

    [Fact]
    public async Task A_simulated_phone_texts_the_SMS_number_and_the_agents_reply_shows_on_its_log()
    {
        const string Texter = "15557000321";
        await using var app = new InboxAppFactory();
        var appBase = new Uri(app.StartKestrel() + "/");
        var sender = app.Services.GetRequiredService<SimulatorSender>();
        var phones = app.Services.GetRequiredService<SimulatorPhones>();
        await using var db = app.CreateDbContext();
        var sms = await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.PhoneNumberId == DemoData.SmsCentralNumber);
        Assert.True(sms.IsSms);

        // A username customer has no phone number to text from: refused, nothing posted.
        var refused = await sender.SendAsync(appBase, sms, "US.12345678901234567890", "Una", "Hello by SMS");
        Assert.Contains("phone number", refused, StringComparison.Ordinal);
        Assert.Empty(phones.All());

        Assert.Null(await sender.SendAsync(appBase, sms, Texter, "Sam Texter", "My fridge stopped cooling overnight"));
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "My fridge stopped cooling overnight"), "the SMS to reach the inbox");
        var ticketId = await db.Messages.Where(m => m.Text == "My fridge stopped cooling overnight").Select(m => m.TicketId).SingleAsync();
        Assert.Equal(TicketChannels.Sms, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Channel).SingleAsync());

        var reply = await app.Replies().ReplyAsync(ticketId, "A technician will call by noon", ChannelTestData.Agent);
        Assert.True(reply.Succeeded, reply.Message);

        await Eventually.TrueAsync(
            () => phones.For(Texter).Any(m => !m.FromPhone && m.OurPhoneNumberId == DemoData.SmsCentralNumber && m.Text == "A technician will call by noon"),
            "the reply to reach the simulated phone by SMS");
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == reply.MessageId && m.Status == DeliveryStatus.Delivered), "the simulator's delivery status");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "A technician will call by noon");
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(Texter, StringComparison.Ordinal));
    }
}
