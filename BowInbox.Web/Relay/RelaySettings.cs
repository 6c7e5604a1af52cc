using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BowInbox.Core.Scanning;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>The relay's Admin settings, stored as JSON rows of the <c>Settings</c> table.</summary>
public sealed class RelaySettings(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public const string IdleTtlKey = "relay.idle-ttl-days";
    public const string ContentPolicyKey = "content-policy";
    public const string PauseThresholdsKey = "pause-thresholds";
    public const int DefaultIdleTtlDays = 7;
    public const int MaxIdleTtlDays = 365;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, CancellationToken, Task<string?>>> ReadSetting = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string key, CancellationToken _) => db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Json).FirstOrDefault()));

    /// <summary>Under this key a unit of work that remembers reads keeps our own numbers' display numbers (the inbound turn reads them anyway).</summary>
    public const string OwnNumbersKey = "own-numbers";

    private static readonly CompiledPerProvider<Func<InboxDbContext, IAsyncEnumerable<string>>> ReadOwnNumbers = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db) => db.ProxyNumbers.AsNoTracking().Where(n => n.Active).Select(n => n.DisplayNumber)));

    /// <summary>
    /// The policy the relay applies: the Admin's content policy with the marketplace's own numbers (central and pool, at
    /// <c>/admin/numbers</c>) allowlisted, so writing the central number is never a leak. Both read once per unit of
    /// work that remembers reads; the inbound turn remembers the numbers it reads, so a relayed message costs no query.
    /// </summary>
    public static async Task<ContentPolicy> ContentPolicyAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var policy = await StoredContentPolicyAsync(db, cancellationToken);
        var own = await db.ReadOnceAsync(OwnNumbersKey, async (d, ct) => (IReadOnlyList<string>)await ReadOwnNumbers.For(d)(d).ToListAsync(ct), cancellationToken);
        return WithOwnNumbers(policy, own);
    }

    /// <summary>Remembers our numbers for this unit of work, as read by whoever read them all.</summary>
    public static void RememberOwnNumbers(InboxDbContext db, IEnumerable<string> displayNumbers) => db.Remember<IReadOnlyList<string>>(OwnNumbersKey, displayNumbers.ToList());

    /// <summary>Our numbers allowlisted, and their countries the default regions for national numbers (when <c>Scanning:Regions</c> is not set).</summary>
    public static ContentPolicy WithOwnNumbers(ContentPolicy policy, IReadOnlyList<string> displayNumbers)
    {
        if (displayNumbers.Count == 0)
        {
            return policy;
        }

        var missing = displayNumbers.Where(n => n.Length > 0).Select(n => "+" + n).Except(policy.Allowlist, StringComparer.Ordinal).ToList();
        var regions = displayNumbers.Select(ScannerRegions.RegionOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return policy with { Allowlist = [.. policy.Allowlist, .. missing], OwnNumberRegions = regions };
    }

    /// <summary>The Admin's content policy as stored (read once per unit of work that remembers reads).</summary>
    public static Task<ContentPolicy> StoredContentPolicyAsync(InboxDbContext db, CancellationToken cancellationToken)
        => db.ReadOnceAsync(ContentPolicyKey, ReadContentPolicyAsync, cancellationToken);

    private static async Task<ContentPolicy> ReadContentPolicyAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var json = await ReadSetting.For(db)(db, ContentPolicyKey, cancellationToken);
        if (json is null)
        {
            return ContentPolicy.Default;
        }

        var stored = JsonSerializer.Deserialize<StoredPolicy>(json, Json);
        if (stored is null)
        {
            return ContentPolicy.Default;
        }

        var policy = ContentPolicy.Default with { Allowlist = stored.Allowlist ?? [] };
        foreach (var (kind, action) in stored.Actions ?? [])
        {
            policy = policy.WithAction(kind, action);
        }

        return policy;
    }

    /// <summary>When repeated violations pause a sender, per kind (read once per unit of work that remembers reads).</summary>
    public static Task<PauseThresholds> PauseThresholdsAsync(InboxDbContext db, CancellationToken cancellationToken)
        => db.ReadOnceAsync(PauseThresholdsKey, ReadPauseThresholdsAsync, cancellationToken);

    private static async Task<PauseThresholds> ReadPauseThresholdsAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var json = await ReadSetting.For(db)(db, PauseThresholdsKey, cancellationToken);
        var stored = json is null ? null : JsonSerializer.Deserialize<Dictionary<ViolationKind, PauseThreshold>>(json, Json);
        return stored is null || PauseThresholds.Validate(stored, k => k.ToString()) is not null ? PauseThresholds.Default : new PauseThresholds(stored);
    }

    public async Task<PauseThresholds> PauseThresholdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PauseThresholdsAsync(db, cancellationToken);
    }

    /// <summary>Checks and saves the pause thresholds; returns an error a person can act on (and saves nothing), or null.</summary>
    public async Task<string?> SavePauseThresholdsAsync(IReadOnlyDictionary<ViolationKind, PauseThreshold> thresholds, string actor, CancellationToken cancellationToken = default)
    {
        if (PauseThresholds.Validate(thresholds, ViolationLabels.Of) is { } error)
        {
            return error;
        }

        var saved = new PauseThresholds(thresholds);
        var json = JsonSerializer.Serialize(saved.ByKind, Json);
        var details = string.Join(", ", saved.ByKind.Select(t => $"{t.Key}={t.Value}"));
        await SaveAsync(PauseThresholdsKey, json, actor, new AuditRecord(actor, AuditActions.PauseThresholdsChanged, PauseThresholdsKey, details), cancellationToken);
        return null;
    }

    public static async Task<int> IdleTtlDaysAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.SettingJsonAsync(IdleTtlKey, cancellationToken);
        return json is not null && int.TryParse(json, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxIdleTtlDays
            ? days
            : DefaultIdleTtlDays;
    }

    /// <summary>The Admin's content policy as stored (without our own numbers, which are allowlisted at scan time).</summary>
    public async Task<ContentPolicy> ContentPolicyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await StoredContentPolicyAsync(db, cancellationToken);
    }

    public async Task<int> IdleTtlDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await IdleTtlDaysAsync(db, cancellationToken);
    }

    /// <summary>Checks and saves the content policy; returns an error a person can act on, or null.</summary>
    public async Task<string?> SaveContentPolicyAsync(IReadOnlyDictionary<ViolationKind, PolicyAction> actions, IEnumerable<string> allowlist, string actor, CancellationToken cancellationToken = default)
    {
        var entries = allowlist.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (entries.FirstOrDefault(e => e.Length > 200 || e.Any(char.IsWhiteSpace)) is { } bad)
        {
            return $"'{bad}' is not an allowlist entry: use a domain (example.com), a handle (@example), an email address or a +number, one per line.";
        }

        if (entries.FirstOrDefault(e => !(e.StartsWith('@') || e.StartsWith('+') || e.Contains('.'))) is { } unclear)
        {
            return $"'{unclear}' is neither a domain, a handle starting with @, an email address nor a number starting with +.";
        }

        var json = JsonSerializer.Serialize(new StoredPolicy(actions.ToDictionary(), entries), Json);
        var summary = string.Join(", ", actions.Select(a => $"{a.Key}={a.Value}")) + $"; allowlist: {string.Join(" ", entries)}";
        await SaveAsync(ContentPolicyKey, json, actor, new AuditRecord(actor, AuditActions.PolicyChanged, ContentPolicyKey, summary), cancellationToken);
        return null;
    }

    public async Task<string?> SaveIdleTtlDaysAsync(int days, string actor, CancellationToken cancellationToken = default)
    {
        if (days is < 1 or > MaxIdleTtlDays)
        {
            return $"The idle time-to-live must be between 1 and {MaxIdleTtlDays} days.";
        }

        var value = days.ToString(CultureInfo.InvariantCulture);
        await SaveAsync(IdleTtlKey, value, actor, new AuditRecord(actor, AuditActions.PolicyChanged, IdleTtlKey, $"idle relay sessions close after {value} days"), cancellationToken);
        return null;
    }

    /// <summary>Stores the setting in the same SaveChanges as its audit entry: both or neither.</summary>
    private async Task SaveAsync(string key, string json, string actor, AuditRecord record, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StoreSettingAsync(key, json, actor, time.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.SaveWithAsync(db, record, cancellationToken);
    }

    private sealed record StoredPolicy(Dictionary<ViolationKind, PolicyAction>? Actions, List<string>? Allowlist);
}
