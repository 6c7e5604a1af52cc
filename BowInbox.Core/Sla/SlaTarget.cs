namespace BowInbox.Core.Sla;

/// <summary>One clock in a policy: how much business time is allowed, when to warn, and what a breach does.</summary>
public sealed record SlaTarget(
    SlaTargetKind Kind,
    TimeSpan Target,
    double WarningFraction = 0.8,
    SlaBreachAction Actions = SlaBreachAction.Alert)
{
    public TimeSpan Target { get; init; } = Target > TimeSpan.Zero
        ? Target
        : throw new ArgumentOutOfRangeException(nameof(Target), Target, "An SLA target must be longer than zero.");

    /// <summary>The share of the target after which a warning is raised: above 0, at most 1 (1 means no separate warning).</summary>
    public double WarningFraction { get; init; } = WarningFraction is > 0 and <= 1
        ? WarningFraction
        : throw new ArgumentOutOfRangeException(nameof(WarningFraction), WarningFraction, "The warning fraction must be above 0 and at most 1.");
}
