using System.Security.Claims;
using BowInbox.Core.Api;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Api;

/// <summary>An API key as the admin page lists it: never the key or its hash.</summary>
public sealed record ApiKeyRow(int Id, string Name, string KeyId, IReadOnlyList<string> Scopes, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt, long UseCount)
{
    public bool Revoked => RevokedAt is not null;

    /// <summary>What the admin can see of the key to recognise it: <c>bwi_&lt;key id&gt;_…</c>.</summary>
    public string Shown => $"{ApiKeySecrets.Prefix}{KeyId}_…";
}

/// <summary>A new key: <see cref="Key"/> is shown once and never again.</summary>
public sealed record CreatedApiKey(bool Succeeded, string Message, string? Key = null);

/// <summary>
/// Admins create and revoke API keys (<c>/admin/api-keys</c>). Every change is written to the audit log in the same
/// transaction as the change itself; the key is returned once and only its SHA-256 is stored.
/// </summary>
public sealed class ApiKeyAdministration(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        return keys.Select(k => new ApiKeyRow(k.Id, k.Name, k.KeyId, k.ScopeList, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt, k.UseCount)).ToList();
    }

    public async Task<CreatedApiKey> CreateAsync(ClaimsPrincipal user, string? name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return new CreatedApiKey(false, "Only Admins manage API keys.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return new CreatedApiKey(false, $"Name the key (1 to {MaxNameLength} characters), e.g. after the system that will use it.");
        }

        if (scopes.Count == 0 || scopes.Any(s => !ApiScopes.IsKnown(s)))
        {
            return new CreatedApiKey(false, $"Choose at least one scope: {string.Join(", ", ApiScopes.All)}.");
        }

        var keyId = ApiKeySecrets.NewKeyId();
        var key = ApiKeySecrets.NewKey(keyId);
        var ordered = ApiScopes.All.Where(scopes.Contains).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(new ApiKey
        {
            Name = name.Trim(),
            KeyId = keyId,
            SecretHash = ApiKeySecrets.Hash(key),
            Scopes = string.Join(' ', ordered),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = SupervisorAccess.Actor(user),
        });
        await audit.SaveWithAsync(db, new AuditRecord(SupervisorAccess.Actor(user), AuditActions.ApiKeyCreated, Target(keyId), $"'{name.Trim()}' with scopes {string.Join(", ", ordered)}"), cancellationToken);
        return new CreatedApiKey(true, $"Key '{name.Trim()}' created. Copy it now: it is not shown again.", key);
    }

    public async Task<ApiKeyChange> RevokeAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return new ApiKeyChange(false, "Only Admins manage API keys.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return new ApiKeyChange(false, "That key does not exist or is already revoked.");
        }

        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        key.RevokedBy = SupervisorAccess.Actor(user);
        await audit.SaveWithAsync(db, new AuditRecord(SupervisorAccess.Actor(user), AuditActions.ApiKeyRevoked, Target(key.KeyId), $"'{key.Name}' revoked"), cancellationToken);
        return new ApiKeyChange(true, $"Key '{key.Name}' revoked: requests with it are refused from now on.");
    }

    private static string Target(string keyId) => $"api-key:{ApiKeySecrets.Prefix}{keyId}";
}

public sealed record ApiKeyChange(bool Succeeded, string Message);
