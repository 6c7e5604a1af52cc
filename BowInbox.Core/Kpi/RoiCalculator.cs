namespace BowInbox.Core.Kpi;

/// <summary>What the operator assumes per month. Rates are fractions (0.15 = 15 %).</summary>
public sealed record RoiInputs(
    int ConversationsPerMonth,
    decimal AverageJobValue,
    decimal CommissionRate,
    decimal LeakageBefore,
    decimal LeakageAfter,
    decimal LicencePerSeat,
    int Seats,
    decimal MessagingCost = 0)
{
    /// <summary>The sales deck's defaults; <see cref="LeakageAfter"/> is replaced by the measured rate when there is one.</summary>
    public static RoiInputs Defaults { get; } = new(5_000, 180m, 0.15m, 0.25m, 0.05m, 15m, 10);
}

/// <summary>The monthly outcome; <see cref="Roi"/> is null and <see cref="Withheld"/> says why when no percentage can be given.</summary>
public sealed record RoiResult(decimal RecoveredJobs, decimal Savings, decimal Costs, decimal Net, decimal? Roi, string? Withheld = null);

/// <summary>
/// ROI = (savings − costs) ÷ costs, per month. Savings are the commission recovered from jobs that no
/// longer leak off the platform: conversations × (leakage before − leakage after) × average job value ×
/// commission rate. Costs are seats × licence per seat plus WhatsApp messaging. A leakage that got worse gives negative savings.
/// Fewer conversations than <see cref="KpiSample.Meaningful"/> give no percentage: the return would be noise.
/// </summary>
public static class RoiCalculator
{
    public static RoiResult Compute(RoiInputs inputs)
    {
        var recoveredJobs = inputs.ConversationsPerMonth * (inputs.LeakageBefore - inputs.LeakageAfter);
        var savings = recoveredJobs * inputs.AverageJobValue * inputs.CommissionRate;
        var costs = inputs.Seats * inputs.LicencePerSeat + inputs.MessagingCost;
        var net = savings - costs;
        if (KpiSample.IsSmall(inputs.ConversationsPerMonth))
        {
            return new RoiResult(recoveredJobs, savings, costs, net, null, $"fewer than {KpiSample.Meaningful} conversations a month");
        }

        return costs == 0
            ? new RoiResult(recoveredJobs, savings, costs, net, null, "no costs to compare with")
            : new RoiResult(recoveredJobs, savings, costs, net, net / costs);
    }
}
