namespace BowInbox.Core.Kpi;

/// <summary>The marketplace an ROI model is written for.</summary>
public enum RoiModel
{
    HomeServices = 0,
    Insurance = 1,
    Tutoring = 2,
    Generic = 3,
}

/// <summary>Any model's outcome. <see cref="RoiPercent"/> is null and <see cref="Withheld"/> says why when no percentage can be given.</summary>
public sealed record RoiOutcome(decimal Benefit, decimal Costs, decimal? RoiPercent, string? Withheld = null)
{
    public decimal Net => Benefit - Costs;

    /// <summary>ROI % = (benefit − costs) ÷ costs × 100, refused from too few conversations or without costs.</summary>
    public static RoiOutcome Of(decimal benefit, decimal costs, int? conversations)
    {
        if (conversations is { } count && KpiSample.IsSmall(count))
        {
            return new RoiOutcome(benefit, costs, null, $"fewer than {KpiSample.Meaningful} conversations");
        }

        return costs == 0 ? new RoiOutcome(benefit, costs, null, "no costs to compare with") : new RoiOutcome(benefit, costs, (benefit - costs) / costs * 100);
    }
}

/// <summary>
/// Insurance aggregator, per year. Value per conversation = policy value × conversion rate ÷ interactions per policy sold;
/// benefit = value per conversation × conversations + hours saved (minutes per routing action × routing actions ÷ 60) × hourly
/// staff cost + risk avoided per incident × incidents avoided; costs = seats × licence × 12 + other costs.
/// </summary>
public sealed record InsuranceRoiInputs(
    int ConversationsPerYear,
    decimal PolicyValue,
    decimal ConversionRate,
    decimal InteractionsPerPolicy,
    decimal MinutesSavedPerRouting,
    int RoutingActionsPerYear,
    decimal HourlyStaffCost,
    decimal RiskAvoidedPerIncident,
    decimal IncidentsAvoidedPerYear,
    decimal LicencePerSeat,
    int Seats,
    decimal OtherCostsPerYear = 0)
{
    public static InsuranceRoiInputs Defaults { get; } = new(12_000, 1_200m, 0.08m, 4m, 3m, 12_000, 30m, 5_000m, 2m, 15m, 10);

    public decimal ValuePerConversation => InteractionsPerPolicy == 0 ? 0 : PolicyValue * ConversionRate / InteractionsPerPolicy;

    public decimal TimeSaved => MinutesSavedPerRouting * RoutingActionsPerYear / 60 * HourlyStaffCost;

    public decimal RiskAvoided => RiskAvoidedPerIncident * IncidentsAvoidedPerYear;

    public decimal AnnualBenefit => (ValuePerConversation * ConversationsPerYear) + TimeSaved + RiskAvoided;

    public decimal AnnualCost => (Seats * LicencePerSeat * 12) + OtherCostsPerYear;

    public RoiOutcome Compute() => RoiOutcome.Of(AnnualBenefit, AnnualCost, ConversationsPerYear);
}

/// <summary>
/// Tutoring marketplace, per month. Benefit = sessions booked × (leakage before − leakage with BowInbox) × commission per
/// session; costs = seats × licence per seat + WhatsApp messaging.
/// </summary>
public sealed record TutoringRoiInputs(int SessionsBookedPerMonth, decimal CommissionPerSession, decimal LeakageBefore, decimal LeakageAfter, decimal LicencePerSeat, int Seats, decimal MessagingCost = 0)
{
    public static TutoringRoiInputs Defaults { get; } = new(2_000, 45m, 0.25m, 0.05m, 15m, 10);

    public decimal SessionsKept => SessionsBookedPerMonth * (LeakageBefore - LeakageAfter);

    public RoiOutcome Compute() => RoiOutcome.Of(SessionsKept * CommissionPerSession, (Seats * LicencePerSeat) + MessagingCost, SessionsBookedPerMonth);
}

/// <summary>Any other marketplace: ROI = (savings − costs) ÷ costs × 100, from the operator's own figures.</summary>
public sealed record GenericRoiInputs(decimal Savings, decimal Costs)
{
    public static GenericRoiInputs Defaults { get; } = new(10_000m, 2_000m);

    public RoiOutcome Compute() => RoiOutcome.Of(Savings, Costs, null);
}

public static class RoiModels
{
    /// <summary>The home-services model (<see cref="RoiCalculator"/>) as a common outcome.</summary>
    public static RoiOutcome Compute(RoiInputs inputs)
    {
        var result = RoiCalculator.Compute(inputs);
        return new RoiOutcome(result.Savings, result.Costs, result.Roi * 100, result.Withheld);
    }

    /// <summary>
    /// Null when the inputs can be saved, else what is wrong: every figure is zero or more, and rates and leakages
    /// (properties named <c>…Rate</c> or <c>Leakage…</c>, fractions) are at most 1.
    /// </summary>
    public static string? Problem(object inputs)
    {
        foreach (var property in inputs.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.CanWrite))
        {
            var value = property.GetValue(inputs) switch
            {
                decimal d => d,
                int i => i,
                _ => (decimal?)null,
            };
            if (value < 0)
            {
                return $"{property.Name} cannot be negative.";
            }

            if (value > 1 && (property.Name.EndsWith("Rate", StringComparison.Ordinal) || property.Name.StartsWith("Leakage", StringComparison.Ordinal)))
            {
                return $"{property.Name} is a share between 0 % and 100 %.";
            }
        }

        return null;
    }

    public static string Title(RoiModel model) => model switch
    {
        RoiModel.HomeServices => "Home services",
        RoiModel.Insurance => "Insurance",
        RoiModel.Tutoring => "Tutoring",
        _ => "Generic",
    };
}
