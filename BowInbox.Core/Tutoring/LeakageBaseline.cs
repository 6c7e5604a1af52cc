using BowInbox.Core.Kpi;

namespace BowInbox.Core.Tutoring;

/// <summary>
/// One period's booking figures: leads booked (L_total) and the sessions paid on the platform from them (R_retained).
/// Leakage = 1 − R_retained ÷ L_total: the share of booked leads that were paid for somewhere else.
/// </summary>
public sealed record LeakagePeriod(DateOnly From, DateOnly To, int LeadsBooked, int SessionsPaid)
{
    /// <summary>Null when the figures can be stored, else what is wrong with them.</summary>
    public string? Problem()
    {
        if (To < From)
        {
            return "The period ends before it starts.";
        }

        if (LeadsBooked < 0 || SessionsPaid < 0)
        {
            return "Leads booked and sessions paid cannot be negative.";
        }

        return SessionsPaid > LeadsBooked ? "More sessions paid than leads booked: count only the sessions paid from this period's leads." : null;
    }

    /// <summary>The leakage as a fraction, or null from fewer than <see cref="KpiSample.Meaningful"/> leads (see <see cref="Withheld"/>).</summary>
    public decimal? Leakage => Problem() is null && !KpiSample.IsSmall(LeadsBooked) ? 1m - ((decimal)SessionsPaid / LeadsBooked) : null;

    /// <summary>Why <see cref="Leakage"/> is null, in words for the page.</summary>
    public string? Withheld => Problem() ?? (KpiSample.IsSmall(LeadsBooked) ? $"fewer than {KpiSample.Meaningful} leads booked ({LeadsBooked})" : null);
}

/// <summary>The leakage measured before BowInbox and with it; either may be missing.</summary>
public sealed record LeakageBaseline(LeakagePeriod? Before, LeakagePeriod? After)
{
    public static LeakageBaseline Empty { get; } = new(null, null);

    /// <summary>How many percentage points the leakage fell (a fraction), when both periods give a leakage.</summary>
    public decimal? Reduction => Before?.Leakage is { } before && After?.Leakage is { } after ? before - after : null;

    public LeakageBaseline With(LeakagePhase phase, LeakagePeriod period) => phase == LeakagePhase.Before ? this with { Before = period } : this with { After = period };
}

public enum LeakagePhase
{
    Before = 0,
    After = 1,
}
