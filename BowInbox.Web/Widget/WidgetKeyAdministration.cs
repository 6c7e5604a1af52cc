using System.Security.Claims;
using System.Security.Cryptography;
using BowInbox.Core.Widget;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Widget;

/// <summary>What an Admin fills in for a new widget.</summary>
public sealed record WidgetKeyDraft(string? Name, string? Origins, string? Color, string? Greeting, string? Language);

public sealed record WidgetKeyChange(bool Succeeded, string Message);

/// <summary>
/// Admins create and revoke web chat widgets (<c>/admin/channels</c>), each change in the audit log with it. The public
/// key is no secret (every embedding page shows it), so it is listed; the allowed origins are what protect it.
/// </summary>
public sealed class WidgetKeyAdministration(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public const string CreatedAction = "widget-key-created";

    public const string RevokedAction = "widget-key-revoked";

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public async Task<IReadOnlyList<WidgetKey>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WidgetKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
    }

    public async Task<WidgetKeyChange> CreateAsync(ClaimsPrincipal user, WidgetKeyDraft draft, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return new WidgetKeyChange(false, "Only Admins manage web chat widgets.");
        }

        var name = draft.Name?.Trim();
        var (origins, originError) = WidgetSettings.ParseOrigins(draft.Origins);
        var greeting = string.IsNullOrWhiteSpace(draft.Greeting) ? WidgetSettings.DefaultGreeting : draft.Greeting.Trim();
        var problem = string.IsNullOrEmpty(name) || name.Length > MaxNameLength ? $"Name the widget (1 to {MaxNameLength} characters), e.g. after the website."
            : originError is not null ? originError
            : !WidgetSettings.IsColor(draft.Color) ? "Choose a colour as #RRGGBB, e.g. #1565C0."
            : greeting.Length > WidgetSettings.MaxGreetingLength ? $"Keep the greeting to {WidgetSettings.MaxGreetingLength} characters."
            : !WidgetSettings.Languages.Contains(draft.Language ?? "") ? $"Choose a language: {string.Join(", ", WidgetSettings.Languages)}."
            : null;
        if (problem is not null)
        {
            return new WidgetKeyChange(false, problem);
        }

        var key = new WidgetKey
        {
            Name = name!,
            PublicKey = "wk_" + RandomNumberGenerator.GetString(Alphabet, 24),
            AllowedOrigins = string.Join('\n', origins),
            Color = draft.Color!,
            Greeting = greeting,
            Language = draft.Language!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = SupervisorAccess.Actor(user),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WidgetKeys.Add(key);
        await audit.SaveWithAsync(db, new AuditRecord(key.CreatedBy, CreatedAction, $"widget:{key.PublicKey}", $"'{key.Name}' for {string.Join(", ", origins)}"), cancellationToken);
        return new WidgetKeyChange(true, $"Widget '{key.Name}' created.");
    }

    public async Task<WidgetKeyChange> RevokeAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return new WidgetKeyChange(false, "Only Admins manage web chat widgets.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.WidgetKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return new WidgetKeyChange(false, "That widget does not exist or is already revoked.");
        }

        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        await audit.SaveWithAsync(db, new AuditRecord(SupervisorAccess.Actor(user), RevokedAction, $"widget:{key.PublicKey}", $"'{key.Name}' revoked"), cancellationToken);
        return new WidgetKeyChange(true, $"Widget '{key.Name}' revoked: websites using it no longer show it.");
    }
}
