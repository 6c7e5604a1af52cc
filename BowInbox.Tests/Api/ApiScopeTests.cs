using System.Net;
using BowInbox.Core.Api;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Api;

/// <summary>Each scope is needed by its endpoints and grants nothing else.</summary>
public sealed class ApiScopeTests(SharedApp shared) : IClassFixture<SharedApp>
{
    public static TheoryData<string, string, string, string> Denials => new()
    {
        { "GET", "/api/v1/tickets", ApiScopes.Write, ApiScopes.Read },
        { "GET", "/api/v1/tickets/1", ApiScopes.Sessions, ApiScopes.Read },
        { "GET", "/api/v1/tickets/1/transcript", ApiScopes.Webhooks, ApiScopes.Read },
        { "POST", "/api/v1/leads", ApiScopes.Read, ApiScopes.Write },
        { "POST", "/api/v1/tickets/1/status", ApiScopes.Read, ApiScopes.Write },
        { "POST", "/api/v1/tickets/1/assign", ApiScopes.Sessions, ApiScopes.Write },
        { "POST", "/api/v1/tickets/1/notes", ApiScopes.Webhooks, ApiScopes.Write },
        { "POST", "/api/v1/sessions", ApiScopes.Write, ApiScopes.Sessions },
        { "GET", "/api/v1/sessions", ApiScopes.Read, ApiScopes.Sessions },
        { "PATCH", "/api/v1/sessions/1", ApiScopes.Write, ApiScopes.Sessions },
        { "PUT", "/api/v1/leakage/before", ApiScopes.Write, ApiScopes.Metrics },
        { "GET", "/api/v1/leakage", ApiScopes.Read, ApiScopes.Metrics },
    };

    [Theory]
    [MemberData(nameof(Denials))]
    public async Task An_endpoint_refuses_a_key_without_its_scope_naming_the_scope(string method, string path, string held, string needed)
    {
        var client = await ApiClients.ClientAsync(shared.App, held);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : System.Net.Http.Json.JsonContent.Create(new { }) });
        var problem = await ApiClients.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(needed, problem.GetProperty("missingScope").GetString());
        Assert.Contains($"'{needed}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Requests_over_the_per_key_limit_are_429_with_a_problem_and_other_keys_go_on()
    {
        await using var app = new InboxAppFactory();
        app.Settings["RateLimits:ApiRequestsPerKeyPerMinute"] = "2";
        var first = await ApiClients.ClientAsync(app, ApiScopes.Read);
        var second = await ApiClients.ClientAsync(app, ApiScopes.Read);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/tickets")).StatusCode);
        var limited = await first.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/tickets")).StatusCode);
    }
}
