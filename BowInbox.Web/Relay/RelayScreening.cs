using System.Globalization;
using BowInbox.Core.Alerts;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using BowInbox.Web.Live;
using BowInbox.Web.Offenders;
using BowInbox.Web.Observability;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>What the relay does with one screened message: what to deliver (null: nothing), what to tell the sender.</summary>
public sealed record Screening(ScanResult Scan, string? SenderNotice)
{
    public string? Delivered => Scan.DeliveredText;

    public bool Changed => Scan.DeliveredText != null && Scan.Findings.Any(f => f.Action == PolicyAction.Redact);
}

/// <summary>
/// Runs every relayed text through the one <see cref="ContactScanner"/> with the Admin's policy, records each hit
/// as a <see cref="PolicyViolation"/>, and pauses a provider or customer who reaches the pause thresholds.
/// </summary>
public sealed class RelayScreening(ContactScanner scanner, AuditLog audit, TimeProvider time, InboxMetrics metrics, ILogger<RelayScreening> logger)
{
    /// <summary>Scans a relayed text; <paramref name="senderNumber"/> (E.164) makes the sender's country the first tried for national numbers.</summary>
    public ScanResult ScanText(ContentPolicy policy, string text, string? senderNumber = null) => scanner.Scan(text, policy, ScannerRegions.RegionOf(senderNumber));

    public ScanResult ScanCard(ContentPolicy policy, IReadOnlyList<BowInbox.Core.WhatsApp.SharedContact> cards)
        => scanner.ScanContactCard(
            cards.Select(c => c.Name ?? "").ToList(),
            cards.SelectMany(c => c.Phones).ToList(),
            cards.SelectMany(c => c.Emails).ToList(),
            policy);

    /// <summary>
    /// Records the scan's findings and decides what the sender is told: a block always, a redaction or a flag once
    /// per ticket (being told the same thing on every message helps nobody). Adds live changes for supervisors.
    /// </summary>
    public async Task<Screening> RecordAsync(
        InboxDbContext db, ScanResult scan, int ticketId, SenderKind sender, Provider? provider, long? messageId, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (scan.IsClean)
        {
            return new Screening(scan, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var toldBefore = await db.PolicyViolations.AnyAsync(v => v.TicketId == ticketId && v.Sender == sender && v.Action != PolicyAction.Block, cancellationToken);
        foreach (var finding in scan.Findings)
        {
            db.PolicyViolations.Add(new PolicyViolation
            {
                TicketId = ticketId,
                MessageId = messageId,
                Kind = finding.Kind,
                Found = BowInbox.Core.Audit.StoredFinding.Of(finding.Text),
                Action = finding.Action,
                Sender = sender,
                ProviderId = provider?.Id,
                At = now,
            });
            metrics.ScannerHit(finding.Kind, finding.Action);
        }

        // Kinds and counts only: what was found may be a real number, which never goes to a log.
        logger.LogInformation(
            "Content policy on ticket {TicketId}: {Verdict} ({Kinds}) from the {Sender}",
            ticketId, scan.Verdict, string.Join(", ", scan.Findings.Select(f => f.Kind)), sender);
        changes.Add(new TicketChanged(ticketId, "policy-violation"));
        var alertKey = messageId?.ToString(CultureInfo.InvariantCulture) ?? now.Ticks.ToString(CultureInfo.InvariantCulture);
        if (scan.Findings.Where(f => f.Action == PolicyAction.Flag).Select(f => f.Kind).Distinct().ToList() is { Count: > 0 } flagged)
        {
            var who = provider?.DisplayName ?? $"Customer {await CustomerAliasAsync(db, ticketId, cancellationToken)}";
            var what = string.Join(", ", flagged.Select(k => ViolationLabels.Of(k).ToLowerInvariant()));
            var summary = $"{who} on job #{ticketId}: relayed but flagged for {what}. Read the original in the ticket.";
            Add(changes, await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.ContentFlagged, $"flag:{ticketId}:{alertKey}", ticketId, provider?.Id, summary, now, cancellationToken));
        }

        var kinds = scan.Findings.Select(f => f.Kind).ToList();
        var outcome = provider is not null
            ? await OffenderPausing.ProviderAsync(db, audit, provider, ticketId, kinds, now, alertKey, changes, cancellationToken)
            : sender == SenderKind.Customer
                ? await OffenderPausing.CustomerAsync(db, audit, ticketId, kinds, now, alertKey, changes, cancellationToken)
                : PauseOutcome.None;

        var notice = scan.Verdict == ScanVerdict.Blocked || !toldBefore || outcome != PauseOutcome.None ? scan.SenderNotice : null;
        return new Screening(scan, WithPauseNotice(notice, outcome, provider is not null));
    }

    /// <summary>
    /// A technician is told on the message before the one that pauses him, and why when it does; a customer is warned
    /// the same way (the pause itself tells them when it holds their message).
    /// </summary>
    public static string? WithPauseNotice(string? notice, PauseOutcome outcome, bool technician)
    {
        var pause = (outcome, technician) switch
        {
            (PauseOutcome.OneMorePauses, true) => "Warning: one more message with contact details and your account is paused (no new jobs) until a supervisor lifts it.",
            (PauseOutcome.Paused, true) => "Your account is paused: several of your messages tried to share contact details. You get no new jobs until a supervisor lifts the pause; contact our team.",
            (PauseOutcome.OneMorePauses, false) => "Warning: one more message with contact details and your messages will be held for our team to review.",
            _ => null,
        };
        return pause is null ? notice : notice is null ? pause : $"{notice}\n{pause}";
    }

    private static void Add(List<InboxChange> changes, SupervisorAlertRaised? raised)
    {
        if (raised is not null)
        {
            changes.Add(raised);
        }
    }

    private static Task<string?> CustomerAliasAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
        => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!.Alias).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>A provider paused for repeated contact-leak attempts: supervisors are alerted live (the pause is audited in its own unit of work).</summary>
public sealed record ProviderPaused(int TicketId, int ProviderId, string ProviderName, string Reason) : InboxChange(TicketId);
