using System.Text.Json;
using BowInbox.Core.Routing;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>The qualification rules Admins edit at /admin/routing, stored as JSON in Settings under <see cref="Key"/>.</summary>
public sealed class RoutingRulesStore(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public const string Key = "routing.rules";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<QualificationRules> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, cancellationToken);
    }

    public static async Task<QualificationRules> LoadAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.SettingJsonAsync(Key, cancellationToken);
        return stored is not null && Parse(stored).Rules is { } rules ? rules : QualificationRules.Default;
    }

    public static string ToJson(QualificationRules rules) => JsonSerializer.Serialize(rules, Json);

    /// <summary>Parses and checks rules an Admin typed; the error says what to fix.</summary>
    public static (QualificationRules? Rules, string? Error) Parse(string json)
    {
        QualificationRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<QualificationRules>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, $"The rules are not valid JSON: {ex.Message}");
        }

        var error = rules is null ? "The rules are empty." : Validate(rules);
        return error is null ? (rules, null) : (null, error);
    }

    public static string? Validate(QualificationRules rules)
    {
        if (rules.Services is not { Count: > 0 } || rules.Areas is not { Count: > 0 })
        {
            return "At least one service and one area are needed.";
        }

        var names = rules.Services.Select(s => s.Name).Concat(rules.Areas.Select(a => a.Name)).ToList();
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            return "Every service and area needs a name.";
        }

        if (rules.Services.Select(s => s.Name.Trim().ToLowerInvariant()).Distinct().Count() != rules.Services.Count
            || rules.Areas.Select(a => a.Name.Trim().ToLowerInvariant()).Distinct().Count() != rules.Areas.Count)
        {
            return "Service names and area names must be unique.";
        }

        if (rules.Services.FirstOrDefault(s => s.Keywords is not { Count: > 0 } || s.Keywords.Any(string.IsNullOrWhiteSpace)) is { } service)
        {
            return $"Service '{service.Name}' needs at least one keyword, and no empty ones.";
        }

        if (rules.Areas.FirstOrDefault(a => (a.PlaceWords is not { Count: > 0 } && a.Circle is null && a.Postcodes is not { Count: > 0 }) || (a.PlaceWords?.Any(string.IsNullOrWhiteSpace) ?? false)) is { } area)
        {
            return $"Area '{area.Name}' needs place words, a circle or postcodes, and no empty words.";
        }

        if (rules.Areas.FirstOrDefault(a => a.Postcodes?.Any(p => !Postcodes.IsValid(p ?? "")) ?? false) is { } badPostcodes)
        {
            return $"Area '{badPostcodes.Name}': each postcode or prefix needs 2 to 10 letters and digits, at least one a digit (spaces and hyphens are ignored).";
        }

        if (rules.Areas.FirstOrDefault(a => a.Circle is { } c && (Math.Abs(c.Latitude) > 90 || Math.Abs(c.Longitude) > 180 || c.RadiusKm <= 0 || c.RadiusKm > 500)) is { } badCircle)
        {
            return $"Area '{badCircle.Name}': latitude must be within ±90, longitude within ±180 and the radius between 0 and 500 km.";
        }

        return rules.UrgencyWords is null || rules.UrgencyWords.Any(string.IsNullOrWhiteSpace)
            ? "Urgency words must be a list without empty entries."
            : null;
    }

    public async Task<string?> SaveAsync(string actor, string json, CancellationToken cancellationToken = default)
    {
        var (rules, error) = Parse(json);
        if (rules is null)
        {
            return error;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StoreSettingAsync(Key, ToJson(rules), actor, time.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.PolicyChanged, Key,
            $"{rules.Services.Count} services, {rules.Areas.Count} areas, {rules.UrgencyWords.Count} urgency words"), cancellationToken);
        return null;
    }
}
