using System.Text.Json;
using System.Text.Json.Serialization;
using BowInbox.Core.Scanning;
using BowInbox.Data;

namespace BowInbox.Web.Media;

/// <summary>What the relay does with a file it could not read. Stored values never change.</summary>
public enum UnscannableAction
{
    /// <summary>Pass it on and note on the ticket's timeline that it was not checked.</summary>
    RelayAndFlag = 0,

    /// <summary>Keep it in <c>/supervisor/held</c> until a supervisor approves or rejects it.</summary>
    HoldForReview = 1,

    /// <summary>Do not pass it on; the sender is asked to describe it in words.</summary>
    Block = 2,
}

/// <summary>The unscannable-media policy per sender kind, an Admin setting beside the content policy.</summary>
public sealed record UnscannableMediaPolicy(UnscannableAction FromCustomers, UnscannableAction FromProviders)
{
    public const string SettingKey = "content-policy.unscannable-media";

    public static UnscannableMediaPolicy Default { get; } = new(UnscannableAction.RelayAndFlag, UnscannableAction.HoldForReview);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public UnscannableAction For(SenderKind sender) => sender == SenderKind.Customer ? FromCustomers : FromProviders;

    public static string Label(UnscannableAction action) => action switch
    {
        UnscannableAction.RelayAndFlag => "Relay and flag",
        UnscannableAction.HoldForReview => "Hold for review",
        UnscannableAction.Block => "Block",
        _ => action.ToString(),
    };

    /// <summary>The Admin's policy (read once per unit of work that remembers reads).</summary>
    public static Task<UnscannableMediaPolicy> ReadAsync(InboxDbContext db, CancellationToken cancellationToken)
        => db.ReadOnceAsync(SettingKey, async (d, ct) => Parse(await d.SettingJsonAsync(SettingKey, ct)), cancellationToken);

    public static async Task SaveAsync(InboxDbContext db, UnscannableMediaPolicy policy, string actor, DateTime now, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(policy.FromCustomers) || !Enum.IsDefined(policy.FromProviders))
        {
            throw new ArgumentException("Unknown unscannable-media action.", nameof(policy));
        }

        await db.StoreSettingAsync(SettingKey, JsonSerializer.Serialize(policy, Json), actor, now, cancellationToken);
    }

    private static UnscannableMediaPolicy Parse(string? json)
    {
        if (json is null)
        {
            return Default;
        }

        try
        {
            return JsonSerializer.Deserialize<UnscannableMediaPolicy>(json, Json) is { } stored && Enum.IsDefined(stored.FromCustomers) && Enum.IsDefined(stored.FromProviders)
                ? stored
                : Default;
        }
        catch (JsonException)
        {
            return Default;
        }
    }
}
