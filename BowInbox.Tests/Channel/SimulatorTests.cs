using System.Net;
using BowInbox.Core.Messaging;
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
}
