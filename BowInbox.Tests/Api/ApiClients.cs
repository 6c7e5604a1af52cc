using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Api;

/// <summary>API keys made the way an Admin makes them, and clients that send them.</summary>
public static class ApiClients
{
    public static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "admin-test"), new Claim(ClaimTypes.Name, "admin@demo.local"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    public static async Task<string> KeyAsync(InboxAppFactory app, params string[] scopes)
    {
        var created = await app.Services.GetRequiredService<ApiKeyAdministration>().CreateAsync(Admin, "test " + Guid.NewGuid().ToString("N")[..6], scopes);
        Assert.True(created.Succeeded, created.Message);
        return created.Key!;
    }

    public static HttpClient With(InboxAppFactory app, string key)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<HttpClient> ClientAsync(InboxAppFactory app, params string[] scopes) => With(app, await KeyAsync(app, scopes));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A lead for a customer whose number no other test uses.</summary>
    public static object Lead(string whatsApp, string text = "My kitchen tap is leaking badly", object? reference = null, string name = "Maria Silva")
        => new { whatsApp, name, text, service = "plumbing", area = "downtown", urgency = "Urgent", externalReference = reference };
}
