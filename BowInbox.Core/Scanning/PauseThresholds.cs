using System.Globalization;

namespace BowInbox.Core.Scanning;

/// <summary>How many violations of one kind, within how many hours, pause the sender. A count of 0: that kind never pauses.</summary>
public sealed record PauseThreshold(int Count, int WindowHours)
{
    public TimeSpan Window => TimeSpan.FromHours(WindowHours);

    public override string ToString() => Count == 0
        ? "never pauses"
        : string.Create(CultureInfo.InvariantCulture, $"{Count} in {WindowHours} h");
}

/// <summary>
/// When repeated violations pause a provider or a customer, per kind of violation. Each violation still inside its
/// kind's window counts as a share of a pause, one over its kind's count: with the default (3 in 24 hours for every
/// kind) any three violations in a day pause, a kind set to 1 pauses at once, and kinds mix (one of a kind set to 2
/// and one of a kind set to 2 make a pause). A count of 0 leaves a kind out.
/// </summary>
public sealed class PauseThresholds
{
    public const int DefaultCount = 3;
    public const int DefaultWindowHours = 24;
    public const int MaxCount = 100;
    public const int MaxWindowHours = 720;

    private readonly Dictionary<ViolationKind, PauseThreshold> byKind;

    public PauseThresholds(IReadOnlyDictionary<ViolationKind, PauseThreshold>? byKind = null)
    {
        this.byKind = Enum.GetValues<ViolationKind>().ToDictionary(
            k => k,
            k => byKind is not null && byKind.TryGetValue(k, out var t) ? t : new PauseThreshold(DefaultCount, DefaultWindowHours));
    }

    public static PauseThresholds Default { get; } = new();

    public IReadOnlyDictionary<ViolationKind, PauseThreshold> ByKind => byKind;

    public PauseThreshold For(ViolationKind kind) => byKind[kind];

    /// <summary>The longest window of a kind that pauses: older violations never count.</summary>
    public TimeSpan LongestWindow => TimeSpan.FromHours(byKind.Values.Where(t => t.Count > 0).Select(t => t.WindowHours).DefaultIfEmpty(1).Max());

    /// <summary>An error a person can act on, or null when every kind's threshold is acceptable.</summary>
    public static string? Validate(IReadOnlyDictionary<ViolationKind, PauseThreshold> thresholds, Func<ViolationKind, string> label)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(label);
        foreach (var (kind, threshold) in thresholds)
        {
            if (!Enum.IsDefined(kind))
            {
                return "Unknown kind of violation; reload the page.";
            }

            if (threshold.Count is < 0 or > MaxCount)
            {
                return $"{label(kind)}: the number of violations that pauses must be between 1 and {MaxCount}, or 0 for never.";
            }

            if (threshold.WindowHours is < 1 or > MaxWindowHours)
            {
                return $"{label(kind)}: the window must be between 1 and {MaxWindowHours} hours (30 days).";
            }
        }

        return null;
    }

    /// <summary>
    /// True when the violations inside their kinds' windows before <paramref name="now"/> add up to a pause. A violation
    /// exactly one window old has aged out; one slightly after now (another server's clock) still counts.
    /// </summary>
    public bool ShouldPause(IEnumerable<(ViolationKind Kind, DateTime At)> violations, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(violations);

        // Summed over a common denominator (every count divides it), so no rounding decides a pause.
        var denominator = byKind.Values.Where(t => t.Count > 0).Select(t => (long)t.Count).Aggregate(1L, Lcm);
        var total = 0L;
        foreach (var (kind, at) in violations)
        {
            var threshold = byKind[kind];
            if (threshold.Count > 0 && now - at < threshold.Window)
            {
                total += denominator / threshold.Count;
                if (total >= denominator)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One entry per message: a message with a phone number and an email address is one attempt, not two. It counts as
    /// its strictest kind (the one whose threshold is lowest); findings without a message count one each.
    /// </summary>
    public IReadOnlyList<(ViolationKind Kind, DateTime At)> PerMessage(IEnumerable<(ViolationKind Kind, DateTime At, long? MessageId)> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var result = new List<(ViolationKind, DateTime)>();
        foreach (var message in violations.Select((v, i) => (v, i)).GroupBy(x => x.v.MessageId ?? -1L - x.i))
        {
            var strictest = message.Select(x => x.v).OrderBy(v => byKind[v.Kind].Count > 0 ? byKind[v.Kind].Count : int.MaxValue).ThenBy(v => v.Kind).First();
            result.Add((strictest.Kind, strictest.At));
        }

        return result;
    }

    private static long Lcm(long a, long b)
    {
        long Gcd(long x, long y) => y == 0 ? x : Gcd(y, x % y);
        return a / Gcd(a, b) * b;
    }
}
