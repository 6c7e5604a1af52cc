using System.Net;
using System.Text.Json;
using BowInbox.Data.Identity;
using BowInbox.Tests.Audit;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Hardening;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Webhooks_past_the_per_address_limit_get_429_with_retry_after_and_a_problem()
    {
        await using var app = new InboxAppFactory();
        app.Settings["RateLimits:WebhookPerIpPerMinute"] = "3";
        var client = app.CreateBrowserlessClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000911", $"message {i}")));
        }

        Assert.All(answers.Take(3), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Try again in", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_per_address_limit_get_429_and_a_readable_message_on_the_login_page()
    {
        await using var app = new InboxAppFactory();
        app.Settings["RateLimits:LoginPerIpPerMinute"] = "2";
        var client = app.CreateBrowserlessClient();

        var first = await Login.PostAsync(client, "tech1@demo.local", "wrong-password-1");
        var second = await Login.PostAsync(client, "tech1@demo.local", "wrong-password-2");
        var third = await Login.PostAsync(client, "tech1@demo.local", Login.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        var page = await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Too many sign-in attempts from your network", page);
        Assert.DoesNotContain(third.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(v => v.StartsWith("BowInbox.Auth=", StringComparison.Ordinal)));
        Assert.Contains(app.Logs.Lines, line => line.Contains("Sign-in refused for t•••@demo.local", StringComparison.Ordinal));
        // The page itself is not limited: only attempts are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Reveals_past_the_per_user_limit_are_refused_and_not_audited_while_another_user_may_still_reveal()
    {
        await using var app = new InboxAppFactory();
        app.Settings["RateLimits:RevealsPerUserPerMinute"] = "2";
        _ = app.Server;
        var ticketId = await AuditTestData.SessionAsync(app, "15557000912");
        var reveal = app.Services.GetRequiredService<NumberReveal>();
        const string Reason = "customer asked for a call back";

        var first = await reveal.RevealAsync(AuditTestData.Supervisor, ticketId, RevealParty.Customer, Reason, TestContext.Current.CancellationToken);
        var second = await reveal.RevealAsync(AuditTestData.Supervisor, ticketId, RevealParty.Customer, Reason, TestContext.Current.CancellationToken);
        var third = await reveal.RevealAsync(AuditTestData.Supervisor, ticketId, RevealParty.Customer, Reason, TestContext.Current.CancellationToken);
        var byAdmin = await reveal.RevealAsync(AuditTestData.As(Roles.Admin, "admin@demo.local"), ticketId, RevealParty.Customer, Reason, TestContext.Current.CancellationToken);

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.False(third.Succeeded);
        Assert.Null(third.Number);
        Assert.StartsWith("Too many reveals in a short time. Try again in", third.Message, StringComparison.Ordinal);
        Assert.True(byAdmin.Succeeded);
        Assert.Equal(3, (await AuditTestData.EntriesAsync(app, AuditActions.NumberRevealed)).Count(e => e.Target.StartsWith($"ticket #{ticketId} ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Exports_past_the_per_user_limit_get_429_and_are_not_audited()
    {
        await using var app = new InboxAppFactory();
        app.Settings["RateLimits:ExportsPerUserPerMinute"] = "1";
        var ticketId = await AuditTestData.SessionAsync(app, "15557000913");
        var client = await Login.AsAsync(app, "supervisor@demo.local");

        var first = await Login.PostFormFromAsync(client, $"/supervisor/sessions/{ticketId}", $"/supervisor/sessions/{ticketId}/export.csv");
        var second = await Login.PostFormFromAsync(client, $"/supervisor/sessions/{ticketId}", $"/supervisor/sessions/{ticketId}/export.json");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Single(await AuditTestData.EntriesAsync(app, AuditActions.TranscriptExported), e => e.Target == $"ticket #{ticketId}");
    }
}
