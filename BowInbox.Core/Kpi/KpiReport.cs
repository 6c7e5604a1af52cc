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

    /// <summary>Share of resolved conversations where a leak got through: the leakage the platform measured.</summary>
    public double? MeasuredLeakage => Containment is { } contained ? 1 - contained : null;

    /// <summary>Answered offers that became a scheduled job (accepted, then an arrival window confirmed) ÷ answered offers.</summary>
    public double? ScheduledRate { get; init; }

    /// <summary>Contact-exchange attempts the scanner stopped (redacted or blocked): shown apart, not leakage.</summary>
    public int CaughtAttempts => LeakAttemptsCaught;

    /// <summary>Contact details that reached the other side, and number reveals: each one listed for the drill-down.</summary>
    public IReadOnlyList<LeakageIncident> LeakageIncidents { get; init; } = [];
}

/// <summary>One leakage incident: a contact detail that got through (flagged but delivered), or a number revealed to staff.</summary>
public sealed record LeakageIncident(int TicketId, string What);

/// <summary>The goal line each headline KPI is sold on.</summary>
public static class KpiGoals
{
    public static readonly TimeSpan FirstResponse = TimeSpan.FromMinutes(5);

    public const double Containment = 0.85;

    public const int LeakageIncidents = 0;

    /// <summary>CSAT (share of 4s and 5s) 10 % above the previous period's.</summary>
    public const double CsatImprovement = 0.10;
}
