using System.Globalization;
using BowInbox.Core.Kpi;

namespace BowInbox.Web.Kpi;

/// <summary>How the ROI page writes money, shares and returns (US English, as the published figures).</summary>
public static class RoiFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>A percentage given as a number of percent (25 → "25%").</summary>
    public static string Pct(decimal percent) => (percent / 100).ToString("0.#%", Culture);

    public static string Money(decimal amount) => amount.ToString("C0", Culture);

    public static string Count(decimal count) => count.ToString("N0", Culture);

    public static string Return(RoiOutcome outcome) => outcome.RoiPercent is { } roi ? (roi / 100).ToString("P0", Culture) : $"No percentage: {outcome.Withheld}";
}
