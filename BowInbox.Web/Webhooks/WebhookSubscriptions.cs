using System.Security.Claims;
using BowInbox.Core.Webhooks;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Webhooks;

/// <summary>A subscription as the admin page lists it (never its secret).</summary>
public sealed record WebhookSubscriptionView(int Id, string Url, IReadOnlyList<string> Types, bool Enabled, string? DisabledReason, int ConsecutiveDeadLetters, DateTime? FailingSince, DateTime CreatedAt);

/// <summary>The outcome of a change: an error to show, or the secret to show once (when one was made).</summary>
public sealed record WebhookChange(string? Error, int SubscriptionId = 0, string? Secret = null)
{
    public static WebhookChange Invalid(string error) => new(error);
}

/// <summary>
/// Admins' subscriptions: create, edit, switch on and off, delete, rotate or reveal the secret. Every change is written
/// to the audit log in its own transaction (<see cref="AuditLog.SaveWithAsync"/>); the secret itself never is.
/// </summary>
public sealed class WebhookSubscriptions(
    IDbContextFactory<InboxDbContext> contexts, AuditLog audit, WebhookSecrets secrets, IHostEnvironment environment, TimeProvider time)
{
    public const string AuditAction = "webhook-changed";

    public async Task<List<WebhookSubscriptionView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Select(s => new WebhookSubscriptionView(s.Id, s.Url, s.Types, s.Enabled, s.DisabledReason, s.ConsecutiveDeadLetters, s.FailingSince, s.CreatedAt)).ToList();
    }

    public async Task<WebhookChange> CreateAsync(ClaimsPrincipal user, string? url, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        if (Problem(url, types) is { } problem)
        {
            return WebhookChange.Invalid(problem);
        }

        var secret = WebhookSecrets.NewSecret();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscription = new WebhookSubscription
        {
            Url = url!.Trim(),
            EventTypes = Join(types),
            SecretProtected = secrets.Protect(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditAction, "webhooks", $"Subscribed {subscription.Url} to {subscription.EventTypes}"), cancellationToken);
        return new WebhookChange(null, subscription.Id, secret);
    }

    public async Task<WebhookChange> UpdateAsync(ClaimsPrincipal user, int id, string? url, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        if (Problem(url, types) is { } problem)
        {
            return WebhookChange.Invalid(problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return WebhookChange.Invalid("This subscription no longer exists.");
        }

        var before = $"{subscription.Url} ({subscription.EventTypes})";
        subscription.Url = url!.Trim();
        subscription.EventTypes = Join(types);
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditAction, $"webhook:{id}", $"Changed {before} to {subscription.Url} ({subscription.EventTypes})"), cancellationToken);
        return new WebhookChange(null, id);
    }

    /// <summary>Switches a subscription on (clearing its failure count) or off; deliveries wait while it is off.</summary>
    public async Task<WebhookChange> SetEnabledAsync(ClaimsPrincipal user, int id, bool enabled, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return WebhookChange.Invalid("This subscription no longer exists.");
        }

        subscription.Enabled = enabled;
        subscription.DisabledReason = enabled ? null : $"Disabled by {actor}.";
        subscription.ConsecutiveDeadLetters = 0;
        subscription.FailingSince = null;
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditAction, $"webhook:{id}", $"{(enabled ? "Enabled" : "Disabled")} {subscription.Url}"), cancellationToken);
        return new WebhookChange(null, id);
    }

    public async Task<WebhookChange> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return WebhookChange.Invalid("This subscription no longer exists.");
        }

        db.WebhookSubscriptions.Remove(subscription);
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditAction, $"webhook:{id}", $"Deleted the subscription of {subscription.Url}"), cancellationToken);
        return new WebhookChange(null, id);
    }

    /// <summary>A new secret, effective for the next delivery; the old one stops verifying at once.</summary>
    public async Task<WebhookChange> RotateSecretAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return WebhookChange.Invalid("This subscription no longer exists.");
        }

        var secret = WebhookSecrets.NewSecret();
        subscription.SecretProtected = secrets.Protect(secret);
        subscription.SecretRotatedAt = time.GetUtcNow().UtcDateTime;
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditAction, $"webhook:{id}", $"Rotated the signing secret of {subscription.Url}"), cancellationToken);
        return new WebhookChange(null, id, secret);
    }

    /// <summary>Shows the current secret to an Admin again; who looked is audited.</summary>
    public async Task<string?> RevealSecretAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var protectedSecret = await db.WebhookSubscriptions.Where(s => s.Id == id).Select(s => s.SecretProtected).FirstOrDefaultAsync(cancellationToken);
        if (protectedSecret is null)
        {
            return null;
        }

        await audit.SaveWithAsync(db, new AuditRecord(actor, "webhook-secret-revealed", $"webhook:{id}", "Revealed the signing secret"), cancellationToken);
        return secrets.Unprotect(protectedSecret);
    }

    private string? Problem(string? url, IReadOnlyCollection<string> types)
        => WebhookUrlRules.Problem(url, allowHttp: environment.IsDevelopment())
            ?? (types.Count == 0 ? "Pick at least one event." : null)
            ?? (types.FirstOrDefault(t => !WebhookEventTypes.IsKnown(t)) is { } unknown ? $"There is no event called {unknown}." : null);

    private static string Join(IReadOnlyCollection<string> types)
        => string.Join(' ', WebhookEventTypes.All.Select(e => e.Type).Where(types.Contains));
}
