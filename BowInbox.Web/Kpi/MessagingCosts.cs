using System.Globalization;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Kpi;

/// <summary>
/// The <c>MessagingPrices</c> configuration section: what one billable message of each pricing category costs this
/// business (Meta's rate card for its market), e.g. <c>MessagingPrices:PerMessage:marketing = 0.025</c>.
/// </summary>
public sealed class MessagingPriceOptions
{
    public const string Section = "MessagingPrices";

    /// <summary>Shown next to the amounts; only a label.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Price per billable message by category (marketing, utility, authentication, service).</summary>
    public Dictionary<string, decimal> PerMessage { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Messages of one pricing category sent in one month, with what they cost when a price is configured.</summary>
public sealed record MessagingCostRow(DateOnly Month, string Category, int Messages, int Billable, decimal? PricePerMessage, decimal? Amount);

public sealed record MessagingCostReport(IReadOnlyList<MessagingCostRow> Rows, string Currency)
{
    /// <summary>Sum of the amounts that have a price; categories without one add nothing.</summary>
    public decimal Total => Rows.Sum(r => r.Amount ?? 0);
}

/// <summary>
/// Counts the messages we sent by the pricing category Meta's statuses reported for them (<see cref="Core.Messaging.Message.PricingCategory"/>),
/// per calendar month (UTC) of sending, and prices the billable ones with <see cref="MessagingPriceOptions"/>.
/// </summary>
public sealed class MessagingCosts(IDbContextFactory<InboxDbContext> contexts, IOptionsMonitor<MessagingPriceOptions> prices)
{
    public async Task<MessagingCostReport> ReportAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await db.Messages.AsNoTracking()
            .Where(m => m.PricingCategory != null && m.CreatedAt >= from && m.CreatedAt < to)
            .GroupBy(m => new { m.CreatedAt.Year, m.CreatedAt.Month, m.PricingCategory })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.PricingCategory, Messages = g.Count(), Billable = g.Count(m => m.PricingBillable == true) })
            .ToListAsync(cancellationToken);

        var options = prices.CurrentValue;
        var rows = groups
            .Select(g =>
            {
                decimal? price = options.PerMessage.TryGetValue(g.PricingCategory!, out var p) ? p : null;
                return new MessagingCostRow(new DateOnly(g.Year, g.Month, 1), g.PricingCategory!, g.Messages, g.Billable, price, price * g.Billable);
            })
            .OrderByDescending(r => r.Month).ThenBy(r => r.Category, StringComparer.Ordinal)
            .ToList();
        return new MessagingCostReport(rows, options.Currency);
    }

    /// <summary>What the messages sent in the last 30 days cost, for the ROI page; null when nothing was priced.</summary>
    public async Task<decimal?> LastThirtyDaysAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var report = await ReportAsync(now.AddDays(-30), now.AddMinutes(1), cancellationToken);
        return report.Rows.Any(r => r.Amount is not null) ? report.Total : null;
    }

    public static string Money(decimal? amount, string currency)
        => amount is { } a ? $"{a.ToString("N2", CultureInfo.InvariantCulture)} {currency}" : "no price set";
}
