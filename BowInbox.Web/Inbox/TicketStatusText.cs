using System.Globalization;
using BowInbox.Core.Tickets;

namespace BowInbox.Web.Inbox;

/// <summary>
/// A ticket's status as a sentence of what is happening ("Offered to Tom · 4:12 left", "With Ana since 10:14 UTC",
/// "Escalated: no technician accepted"), in the inbox's one vocabulary: the Owner is the staff member responsible,
/// the Technician the provider doing the job. Someone only offered the job is not its technician.
/// </summary>
public static class TicketStatusText
{
    public static string Describe(TicketDetails details, DateTime now, UserClock? clock = null)
    {
        var technician = details.Row.ProviderName is { } name ? ThreadParties.SafeName(name, "the technician") : null;
        return details.Row.Status switch
        {
            TicketStatus.Offered when details.OfferedTo is { } to && OfferDue(details) is { } until
                => until > now ? $"Offered to {to} · {Left(until - now)} left" : $"Offered to {to} · no answer in time",
            TicketStatus.Offered => "Offered to a technician",
            TicketStatus.Assigned when details.TechnicianSince is { } since && technician is not null
                => $"With {technician} since {(clock ?? UserClock.Utc).TimeOfDay(since)}",
            TicketStatus.Assigned => "Assigned, but no technician has the job",
            TicketStatus.Escalated => details.OffersMade ? "Escalated: no technician accepted" : "Escalated to a supervisor",
            TicketStatus.New => "New: to be qualified",
            TicketStatus.Qualified => "Qualified: ready to offer",
            TicketStatus.Requeued => "Requeued: waiting for a technician",
            TicketStatus.Resolved => "Resolved",
            _ => "Closed",
        };
    }

    /// <summary>The technician doing the job, by first name; null while nobody has it (an offer alone does not count).</summary>
    public static string? Technician(TicketDetails details)
        => details.TechnicianSince is not null && details.Row.ProviderName is { } name ? ThreadParties.SafeName(name, "Technician") : null;

    /// <summary>
    /// When the offer is due: its own expiry, or the offer acceptance target when that comes first, so the status and
    /// the SLA pill count down to one time.
    /// </summary>
    public static DateTime? OfferDue(TicketDetails details)
    {
        var expires = details.OfferExpiresAt is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : (DateTime?)null;
        var target = details.Row is { SlaKind: BowInbox.Core.Sla.SlaTargetKind.OfferAcceptance, SlaDueAt: { } due } ? DateTime.SpecifyKind(due, DateTimeKind.Utc) : (DateTime?)null;
        return expires is null ? null : target < expires ? target : expires;
    }

    private static string Left(TimeSpan left)
        => string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalMinutes}:{left.Seconds:00}");
}
