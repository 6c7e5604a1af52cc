using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;

namespace BowInbox.Core.Kpi;

/// <summary>Share of tickets to which an SLA target applied that were not breached on it.</summary>
public sealed record SlaCompliance(SlaTargetKind Target, int Applicable, int Breached)
{
    public double? Rate => Applicable == 0 ? null : (double)(Applicable - Breached) / Applicable;
}

public sealed record KpiReport(
    int Conversations,
    DurationStats FirstResponse,
    double? AcceptanceRate,
    int OffersAnswered,
    DurationStats TimeToDispatch,
    double? Containment,
    IReadOnlyDictionary<ViolationKind, double> ViolationsPer100,
    IReadOnlyList<SlaCompliance> SlaCompliance,
    int Requeues,
    int Escalations,
    int JobsDone,
    int LeakAttemptsCaught,
    int LeaksThrough)
{
    /// <summary>Rates from fewer conversations than <see cref="KpiSample.Meaningful"/> are shown, but marked as a small sample.</summary>
    public bool IsSmallSample => KpiSample.IsSmall(Conversations);

    /// <summary>Share of conversations where a contact exchange was blocked or flagged: the leakage the platform measured.</summary>
    public double? MeasuredLeakage => Containment is { } contained ? 1 - contained : null;
}
