using System.Globalization;
using BowInbox.Core.Kpi;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Kpi;

/// <summary>Which tickets the dashboard measures: those whose first message falls in [From, To), optionally one group's or one provider's.</summary>
public sealed record KpiFilter(DateTime From, DateTime To, int? GroupId = null, int? ProviderId = null)
{
    /// <summary>The longest range measured at once: every ticket in it is loaded, so a decade would load them all.</summary>
    public const int MaxDays = 366;

    /// <summary>Why this range cannot be measured, in words for the user; null when it can.</summary>
    public string? Problem => To <= From
        ? "The range ends before it starts."
        : To - From > TimeSpan.FromDays(MaxDays)
            ? $"Choose at most {MaxDays} days (this range has {Math.Ceiling((To - From).TotalDays):0})."
            : null;
}

/// <summary>Everything the dashboard shows for one filter.</summary>
public sealed record KpiDashboardData(
    KpiReport Overall,
    IReadOnlyList<KpiSlice> ByGroup,
    IReadOnlyList<KpiSlice> ByProvider,
    IReadOnlyList<KpiSlice> ByServiceType,
    IReadOnlyList<ProviderScorecard> Scorecards)
{
    /// <summary>Per channel (WhatsApp, SMS, web chat), in plain names; empty while every conversation came through one.</summary>
    public IReadOnlyList<KpiSlice> ByChannel { get; init; } = [];
}

public sealed record NamedId(int Id, string Name);

/// <summary>Loads plain facts from the stored tickets, offers, violations, SLA alerts and status events; the maths is in <see cref="KpiCalculator"/>.</summary>
public sealed class KpiQueries(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<(IReadOnlyList<NamedId> Groups, IReadOnlyList<NamedId> Providers)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProviderGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new NamedId(g.Id, g.Name)).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.DisplayName).Select(p => new NamedId(p.Id, p.DisplayName)).ToListAsync(cancellationToken);
        return (groups, providers);
    }

    public async Task<KpiFacts> FactsAsync(KpiFilter filter, CancellationToken cancellationToken = default)
    {
        if (filter.Problem is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= filter.From && t.CreatedAt < filter.To);
        if (filter.GroupId is { } groupId)
        {
            tickets = tickets.Where(t => t.GroupId == groupId);
        }

        if (filter.ProviderId is { } providerId)
        {
            tickets = tickets.Where(t => t.ProviderId == providerId || db.Offers.Any(o => o.TicketId == t.Id && o.ProviderId == providerId));
        }

        var ticketFacts = await tickets
            .Select(t => new TicketFacts(t.Id, t.CreatedAt, t.FirstHumanReplyAt, t.OfferedAt, t.AcceptedAt, t.ProviderFirstMessageAt, t.ResolvedAt, t.Status, t.GroupId, t.ProviderId, t.ServiceType, t.ArrivalConfirmedAt, t.Channel))
            .ToListAsync(cancellationToken);
        var ids = tickets.Select(t => t.Id);
        var offers = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.TicketId))
            .Select(o => new OfferFacts(o.TicketId, o.ProviderId, o.Status, o.OfferedAt, o.RespondedAt)).ToListAsync(cancellationToken);
        var violations = await db.PolicyViolations.AsNoTracking().Where(v => ids.Contains(v.TicketId))
            .Select(v => new ViolationFacts(v.TicketId, v.Kind, v.Action, v.ProviderId)).ToListAsync(cancellationToken);
        var alerts = await db.SlaAlerts.AsNoTracking().Where(a => ids.Contains(a.TicketId))
            .Select(a => new SlaAlertFacts(a.TicketId, a.Kind, a.Level)).ToListAsync(cancellationToken);
        var statusEvents = await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId) && (e.Kind == "status" || e.Kind == "requeued" || e.Kind == "escalated"))
            .Select(e => new { e.TicketId, e.Kind, e.Detail }).ToListAsync(cancellationToken);
        var changes = statusEvents
            .Select(e => StatusReached(e.Kind, e.Detail) is { } to ? new StatusChangeFacts(e.TicketId, to) : null)
            .OfType<StatusChangeFacts>()
            .ToList();
        var measured = ticketFacts.Select(t => t.Id).ToHashSet();
        var reveals = (await db.AuditEntries.AsNoTracking().Where(a => a.Action == Audit.AuditActions.NumberRevealed && a.At >= filter.From)
                .Select(a => new { a.Target, a.At }).ToListAsync(cancellationToken))
            .Select(a => RevealedTicket(a.Target) is { } id && measured.Contains(id) ? new RevealFacts(id, a.At) : null)
            .OfType<RevealFacts>()
            .ToList();
        return new KpiFacts(ticketFacts, offers, violations, alerts, changes) { Reveals = reveals };
    }

    public async Task<KpiDashboardData> DashboardAsync(KpiFilter filter, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(filter, cancellationToken);
        var (groups, providers) = await ChoicesAsync(cancellationToken);
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var providerNames = providers.ToDictionary(p => p.Id, p => p.Name);
        var active = providerNames
            .Where(p => facts.Offers.Any(o => o.ProviderId == p.Key) || facts.Tickets.Any(t => t.ProviderId == p.Key))
            .ToDictionary(p => p.Key, p => p.Value);
        return new KpiDashboardData(
            KpiCalculator.Compute(facts),
            KpiBreakdown.By(facts, t => t.GroupId is { } id ? groupNames.GetValueOrDefault(id, $"group {id}") : null),
            KpiBreakdown.By(facts, t => t.ProviderId is { } id ? providerNames.GetValueOrDefault(id, $"provider {id}") : null),
            KpiBreakdown.By(facts, t => t.ServiceType),
            ProviderScorecards.Compute(facts, active))
        {
            ByChannel = facts.Tickets.Select(t => t.Channel).Distinct().Count() > 1
                ? KpiBreakdown.By(facts, t => BowInbox.Web.Widget.ChannelLabels.Of(t.Channel))
                : [],
        };
    }

    /// <summary>
    /// The status a timeline entry moved the ticket to: "status" entries read "Status Offered → Requeued";
    /// routing and SLA jobs may write "requeued" and "escalated" entries of their own.
    /// </summary>
    public static TicketStatus? StatusReached(string kind, string detail)
    {
        if (kind == "requeued")
        {
            return TicketStatus.Requeued;
        }

        if (kind == "escalated")
        {
            return TicketStatus.Escalated;
        }

        var arrow = detail.LastIndexOf('→');
        return arrow >= 0 && Enum.TryParse<TicketStatus>(detail[(arrow + 1)..].Trim(), ignoreCase: true, out var to) ? to : null;
    }

    /// <summary>The ticket a <c>number-revealed</c> entry names ("ticket #42 customer").</summary>
    public static int? RevealedTicket(string target)
    {
        const string prefix = "ticket #";
        if (!target.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = new string(target[prefix.Length..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0.#%", CultureInfo.InvariantCulture) : "–";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "–",
        { TotalMinutes: < 1 } d => $"{d.TotalSeconds:0} s",
        { TotalHours: < 1 } d => $"{d.TotalMinutes:0.#} min",
        { } d => $"{d.TotalHours:0.#} h",
    };
}
