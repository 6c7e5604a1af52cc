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

public sealed record RoiResult(decimal RecoveredJobs, decimal Savings, decimal Costs, decimal Net, decimal? Roi);

/// <summary>
/// ROI = (savings − costs) ÷ costs, per month. Savings are the commission recovered from jobs that no
/// longer leak off the platform: conversations × (leakage before − leakage after) × average job value ×
/// commission rate. Costs are seats × licence per seat plus WhatsApp messaging. A leakage that got worse gives negative savings.
/// </summary>
public static class RoiCalculator
{
    public static RoiResult Compute(RoiInputs inputs)
    {
        var recoveredJobs = inputs.ConversationsPerMonth * (inputs.LeakageBefore - inputs.LeakageAfter);
        var savings = recoveredJobs * inputs.AverageJobValue * inputs.CommissionRate;
        var costs = inputs.Seats * inputs.LicencePerSeat + inputs.MessagingCost;
        var net = savings - costs;
        return new RoiResult(recoveredJobs, savings, costs, net, costs == 0 ? null : net / costs);
    }
}
