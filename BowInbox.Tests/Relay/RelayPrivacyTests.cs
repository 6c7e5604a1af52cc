using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

public sealed class RelayPrivacyTests
{
    // Each party's number as WhatsApp writes it and as a person would type it.
    private static readonly string[] Numbers = [Customer, Customer[1..], "555 700 0101", "555-700-0101", Tom, Tom[1..], "555 010 0001", "555-010-0001"];

    [Fact]
    public async Task After_a_full_conversation_no_send_page_hub_payload_or_log_line_carries_either_number()
    {
        await using var app = new InboxAppFactory();
        await using var intakeHub = await HubClients.ConnectAsync(app, "intake@demo.local");
        await using var techHub = await HubClients.ConnectAsync(app, "tech1@demo.local");

        var (ticketId, session) = await AssignedConversationAsync(app, firstText: "Leak under the sink");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way. Save my number 555-010-0001");
        await CustomerWritesAsync(app, "Great, or call me on 555-700-0101");
        var staff = RelayTestData.Staff(Roles.Supervisor, "supervisor@demo.local");
        var toProvider = await app.Services.GetRequiredService<RelayAssignment>().WriteToProviderAsync(staff, new StaffAuthor("staff", "Sam Supervisor"), ticketId, "Please bring a 15mm valve");
        Assert.True(toProvider.Succeeded, toProvider.Message);

        using var tech = await Login.AsAsync(app, "tech1@demo.local");
        var queueJob = await tech.GetStringAsync($"/queue/{ticketId}");
        Assert.Contains("Great, or call me on [phone removed]", queueJob);
        var reply = await app.Services.GetRequiredService<TechnicianQueue>().ReplyAsync(await TechPrincipalAsync(app), ticketId, "See you at 3pm, text 5550100001 if late");
        Assert.True(reply.Succeeded, reply.Message);
        await app.WaitForSendAsync(Central, Customer, t => t.StartsWith("Tom: See you at 3pm", StringComparison.Ordinal), "the queue reply at the customer");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains("15mm valve", StringComparison.Ordinal), "the staff note at the provider");
        await intakeHub.WaitForAsync(Web.Live.InboxClientMethods.MessageChanged, ticketId, c => c.Json.Contains("See you at 3pm", StringComparison.Ordinal));
        await techHub.WaitForAsync(Web.Live.InboxClientMethods.MessageChanged, ticketId, c => c.Json.Contains("See you at 3pm", StringComparison.Ordinal));

        foreach (var request in app.Graph.Requests)
        {
            var body = request.Json.AsObject();
            body.Remove("to");
            AssertNoNumber(body.ToJsonString(), $"a Graph API request from {request.PhoneNumberId}");
        }

        using var intake = await Login.AsAsync(app, "intake@demo.local");
        AssertNoNumber(await intake.GetStringAsync($"/inbox/{ticketId}"), "the inbox page as intake");
        AssertNoNumber(await intake.GetStringAsync("/inbox"), "the inbox list as intake");
        AssertNoNumber(await tech.GetStringAsync("/queue"), "the queue as the technician");
        AssertNoNumber(await tech.GetStringAsync($"/queue/{ticketId}"), "the job page as the technician");
        foreach (var call in intakeHub.Received.Concat(techHub.Received))
        {
            AssertNoNumber(call.Json, $"hub payload {call.Method}");
        }

        foreach (var line in app.Logs.Lines)
        {
            AssertNoNumber(line, "a log line");
        }

        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(app.Graph.Requests, r => r.To == Customer);
        Assert.Contains(app.Graph.Requests, r => r.To == Tom);
    }

    [Fact]
    public async Task A_technician_never_sees_another_technicians_job()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, _) = await AssignedConversationAsync(app, firstText: "Kitchen tap secret words");
        await CustomerWritesAsync(app, "the gate code is 7781");

        using var ana = await Login.AsAsync(app, "tech2@demo.local");
        var foreign = await ana.GetStringAsync($"/queue/{ticketId}");
        Assert.Contains("job-not-found", foreign);
        Assert.DoesNotContain("7781", foreign);
        Assert.DoesNotContain("Maria", foreign);
        Assert.DoesNotContain($"#{ticketId}", await ana.GetStringAsync("/queue"));

        using var tom = await Login.AsAsync(app, "tech1@demo.local");
        var own = await tom.GetStringAsync($"/queue/{ticketId}");
        Assert.Contains("the gate code is 7781", own);
        Assert.DoesNotContain("secret words", own);
        Assert.Contains($"#{ticketId}", await tom.GetStringAsync("/queue"));

        var denied = await app.Services.GetRequiredService<TechnicianQueue>().ReplyAsync(await TechPrincipalAsync(app, "tech2@demo.local"), ticketId, "hello");
        Assert.Equal(ReplyOutcome.NotFound, denied.Outcome);
    }

    private static void AssertNoNumber(string text, string where)
    {
        foreach (var number in Numbers)
        {
            Assert.False(text.Contains(number, StringComparison.Ordinal), $"{where} contains {number}: {text}");
        }
    }

    private static async Task<ClaimsPrincipal> TechPrincipalAsync(InboxAppFactory app, string email = "tech1@demo.local")
    {
        await using var db = app.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Claim[] claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, email), new(ClaimTypes.Role, Roles.Technician)];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
