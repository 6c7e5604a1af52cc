using System.Net;
using System.Text.Json;
using BowInbox.Core.Api;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Api;

public sealed class ApiDocumentTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_with_a_summary_and_its_errors()
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Read);

        var response = await client.GetAsync("/api/v1/openapi.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.Equal(
            new[] { "GET /api/v1/leakage", "GET /api/v1/sessions", "GET /api/v1/tickets", "GET /api/v1/tickets/{id}", "GET /api/v1/tickets/{id}/transcript", "PATCH /api/v1/sessions/{id}",
                "POST /api/v1/leads", "POST /api/v1/sessions", "POST /api/v1/tickets/{id}/assign", "POST /api/v1/tickets/{id}/notes", "POST /api/v1/tickets/{id}/status", "POST /api/v1/webhooks/test", "PUT /api/v1/leakage/{phase}" },
            operations.Select(o => o.Name).Order(StringComparer.Ordinal).ToArray());
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), name);
            var codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains(codes, c => c.StartsWith('2'));
            Assert.Contains("401", codes);
            Assert.Contains("403", codes);
            Assert.Contains("429", codes);
            if (name.StartsWith("POST", StringComparison.Ordinal))
            {
                Assert.True(operation.TryGetProperty("requestBody", out _), name);
                Assert.Contains("400", codes);
                Assert.Contains("422", codes);
            }
        }

        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task The_document_needs_a_key_or_an_admin_and_the_reference_page_an_admin()
    {
        var anonymous = shared.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await Login.AsAsync(shared.App, "admin@demo.local");
        var supervisor = await Login.AsAsync(shared.App, "supervisor@demo.local");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/openapi.json")).StatusCode);
        var page = await admin.GetAsync("/admin/api-reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi.json", html);

        // The page's scripts carry this response's CSP nonce, or the browser would not run them.
        var nonce = System.Text.RegularExpressions.Regex.Match(page.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", html);
        Assert.NotEqual(HttpStatusCode.OK, (await supervisor.GetAsync("/admin/api-reference/")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/admin/api-reference/")).StatusCode);
    }
}
