using System.Net;
using System.Text.RegularExpressions;
using BowInbox.Core.Api;
using BowInbox.Tests.Support;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

/// <summary>No API response, with any key, carries a phone number, a BSUID or an email address.</summary>
public sealed partial class ApiPrivacyTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string CustomerPhone = "15557050001";
    private const string CustomerBsuid = "US.13491208655302745001";

    [Fact]
    public async Task Every_endpoint_answers_without_any_identifier()
    {
        var key = await ApiClients.KeyAsync(shared.App, ApiScopes.All.ToArray());
        var client = ApiClients.With(shared.App, key);
        await using var db = shared.App.CreateDbContext();
        var tom = await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.Id).SingleAsync();
        var ana = await db.Providers.Where(p => p.DisplayName == "Ana Lopez").Select(p => p.Id).SingleAsync();
        var responses = new List<(string What, HttpResponseMessage Response)>();
        async Task<HttpResponseMessage> Keep(string what, Task<HttpResponseMessage> call)
        {
            var response = await call;
            responses.Add((what, response));
            return response;
        }

        // The customer's words carry their number and email too: the API shows them masked only.
        var lead = await Keep("lead", ApiClients.PostAsync(client, "/api/v1/leads", new
        {
            whatsApp = "+" + CustomerPhone,
            name = "Maria Silva",
            text = $"Leak! Call +{CustomerPhone} or maria@example.com",
            externalReference = new { kind = "order", id = "ORD-5001" },
        }));
        var ticketId = (await ApiClients.JsonAsync(lead)).GetProperty("ticketId").GetInt32();
        await Keep("bsuid lead", ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead(CustomerBsuid)));
        await Keep("list", client.GetAsync("/api/v1/tickets?pageSize=100"));
        await Keep("one", client.GetAsync($"/api/v1/tickets/{ticketId}"));
        await Keep("assign", ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/assign", new { providerId = tom }));
        await Keep("note", ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/notes", new { text = "Checked" }));
        await Keep("transcript", client.GetAsync($"/api/v1/tickets/{ticketId}/transcript"));
        await Keep("status", ApiClients.PostAsync(client, $"/api/v1/tickets/{ticketId}/status", new { status = "Resolved" }));
        var session = await Keep("session", ApiClients.PostAsync(client, "/api/v1/sessions", new
        {
            whatsApp = "+" + CustomerPhone,
            name = "Maria Silva",
            providerId = ana,
            externalReference = new { kind = "booking", id = "BK-5001" },
        }));
        await Keep("sessions", client.GetAsync("/api/v1/sessions"));
        await Keep("close", client.PatchAsync($"/api/v1/sessions/{(await ApiClients.JsonAsync(session)).GetProperty("id").GetInt64()}", System.Net.Http.Json.JsonContent.Create(new { state = "closed" })));
        await Keep("refused", ApiClients.PostAsync(client, "/api/v1/leads", new { whatsApp = "+" + CustomerPhone + "999999", name = "x", text = "y" }));

        var identifiers = new[] { CustomerPhone, "5557050001", CustomerBsuid, "13491208655302745001", "maria@example.com" }
            .Concat(DemoData.Users.Where(u => u.WaId is not null).Select(u => u.WaId!))
            .Concat(DemoData.Users.Select(u => u.Email)).ToList();
        foreach (var (what, response) in responses)
        {
            Assert.True((int)response.StatusCode < 500, $"{what}: {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            foreach (var identifier in identifiers)
            {
                Assert.False(text.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"{what} shows {identifier}: {text}");
            }

            // Any other run of seven or more digits (dates and times aside) or any address with an @ would be an identifier too.
            var withoutTimes = TraceId().Replace(Timestamp().Replace(text, ""), "");
            Assert.False(DigitRun().IsMatch(withoutTimes), $"{what} has a number: {text}");
            Assert.False(EmailAddress().IsMatch(withoutTimes), $"{what} has an email address: {text}");
        }

        Assert.Contains(responses, r => r.What == "transcript" && r.Response.StatusCode == HttpStatusCode.OK);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();

    // NumberMask leaves the first letter and the domain ("m•••@example.com"); anything more is an address.
    [GeneratedRegex(@"[A-Za-z0-9._%+-]{2,}@")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"""traceId"":""[^""]*""")]
    private static partial Regex TraceId();

    [GeneratedRegex(@"\+?\d[\d\s().\-]{5,}\d")]
    private static partial Regex DigitRun();
}
