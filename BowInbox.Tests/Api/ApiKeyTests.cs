using System.Net;
using System.Security.Claims;
using BowInbox.Core.Api;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Api;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Api;

public sealed class ApiKeyTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private ApiKeyAdministration Keys => shared.App.Services.GetRequiredService<ApiKeyAdministration>();

    [Fact]
    public async Task A_key_is_stored_only_as_its_hash_and_every_use_is_counted()
    {
        var key = await ApiClients.KeyAsync(shared.App, ApiScopes.Read);
        var client = ApiClients.With(shared.App, key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tickets?page=2")).StatusCode);

        Assert.True(ApiKeySecrets.TryReadKeyId(key, out var keyId));
        await using var db = shared.App.CreateDbContext();
        var row = await db.ApiKeys.SingleAsync(k => k.KeyId == keyId);
        Assert.NotEqual(key, row.SecretHash);
        Assert.Equal(ApiKeySecrets.Hash(key), row.SecretHash);
        Assert.Equal(2, row.UseCount);
        Assert.NotNull(row.LastUsedAt);
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Details + e.Target).ToListAsync(), text => text.Contains(key[^20..]));
    }

    [Fact]
    public async Task Creating_and_revoking_are_audited_and_a_revoked_key_is_refused_with_a_problem()
    {
        var key = await ApiClients.KeyAsync(shared.App, ApiScopes.Read);
        ApiKeySecrets.TryReadKeyId(key, out var keyId);
        await using var db = shared.App.CreateDbContext();
        var id = await db.ApiKeys.Where(k => k.KeyId == keyId).Select(k => k.Id).SingleAsync();

        var revoked = await Keys.RevokeAsync(ApiClients.Admin, id);
        var response = await ApiClients.With(shared.App, key).GetAsync("/api/v1/tickets");

        Assert.True(revoked.Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("revoked", (await ApiClients.JsonAsync(response)).GetProperty("detail").GetString());
        var actions = await db.AuditEntries.Where(e => e.Target == $"api-key:bwi_{keyId}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.ApiKeyCreated, AuditActions.ApiKeyRevoked], actions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer bwi_notakey")]
    [InlineData("Bearer bwi_aaaaaaaaaaaa_wrongsecret")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_missing_or_wrong_key_is_401_with_a_problem(string? header)
    {
        var client = shared.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        }

        var response = await client.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_signed_in_admin_cookie_is_not_an_api_key()
    {
        var client = await Login.AsAsync(shared.App, "admin@demo.local");

        var response = await client.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        var supervisor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "sup"), new Claim(ClaimTypes.Role, Roles.Supervisor)], "test"));

        var created = await Keys.CreateAsync(supervisor, "nope", [ApiScopes.Read]);
        var listed = await Keys.ListAsync(supervisor);
        var page = await (await Login.AsAsync(shared.App, "supervisor@demo.local")).GetAsync("/admin/api-keys");

        Assert.False(created.Succeeded);
        Assert.Empty(listed);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Login.AsAsync(shared.App, "admin@demo.local")).GetAsync("/admin/api-keys")).StatusCode);
    }

    [Theory]
    [InlineData("", "read")]
    [InlineData("name", "")]
    [InlineData("name", "admin")]
    public async Task A_key_needs_a_name_and_known_scopes(string name, string scope)
    {
        var created = await Keys.CreateAsync(ApiClients.Admin, name, scope.Length == 0 ? [] : [scope]);

        Assert.False(created.Succeeded);
        Assert.Null(created.Key);
    }
}
