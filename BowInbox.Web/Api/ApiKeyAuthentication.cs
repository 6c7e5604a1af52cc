using System.Security.Claims;
using System.Text.Encodings.Web;
using BowInbox.Data;
using BowInbox.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Api;

/// <summary>
/// <c>Authorization: Bearer bwi_...</c>: finds the key by its id, checks its hash and that it is not revoked, and
/// records the use (time and count). The caller acts as intake staff (<see cref="Roles.IntakeAgent"/>) for the
/// inbox's own rules, within the key's scopes.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<InboxDbContext> contexts,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "api_key_id";

    /// <summary>Why authentication failed, for the 401 problem description.</summary>
    internal const string FailureItem = "api-auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Send the key as 'Authorization: Bearer <key>'.");
        }

        var key = header["Bearer ".Length..].Trim();
        if (!ApiKeySecrets.TryReadKeyId(key, out var keyId))
        {
            return Fail("That is not a BowInbox API key.");
        }

        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, Context.RequestAborted);
        if (row is null || !ApiKeySecrets.Matches(key, row.SecretHash))
        {
            return Fail("The API key is not valid.");
        }

        if (row.IsRevoked)
        {
            return Fail("The API key was revoked.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.ApiKeys.Where(k => k.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now).SetProperty(k => k.UseCount, k => k.UseCount + 1), Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(KeyIdClaim, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, ApiCaller.ActorName(row.Name)),
            new(ClaimTypes.Role, Roles.IntakeAgent),
        };
        claims.AddRange(row.ScopeList.Select(scope => new Claim(ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Fail(string why)
    {
        Context.Items[FailureItem] = why;
        return AuthenticateResult.Fail(why);
    }
}
