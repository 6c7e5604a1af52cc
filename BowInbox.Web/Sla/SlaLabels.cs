using BowInbox.Core.Sla;

namespace BowInbox.Web.Sla;

/// <summary>The words people see for SLA targets and alert levels.</summary>
public static class SlaLabels
{
    public static string Target(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => "First response",
        SlaTargetKind.OfferAcceptance => "Offer acceptance",
        SlaTargetKind.ProviderFirstContact => "Provider first contact",
        SlaTargetKind.NextResponse => "Next response",
        SlaTargetKind.Resolution => "Resolution",
        SlaTargetKind.ArrivalWindow => "Arrival window confirmed",
        _ => kind.ToString(),
    };

    public static string Level(SlaAlertLevel level) => level == SlaAlertLevel.Breach ? "Breach" : "Warning";

    /// <summary>"4 min", "1 h 5 min", "3 d", never "just now" for a countdown: under a minute shows seconds.</summary>
    public static string Span(TimeSpan span)
    {
        var value = span.Duration();
        return value < TimeSpan.FromMinutes(1) ? $"{(int)value.TotalSeconds} s" : Inbox.UserClock.Relative(value);
    }

    /// <summary>A configured target in the largest units that fit: "45 min", "1 h 30 min", "2 days", "1 day 4 h".</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(span.Days == 1 ? "1 day" : $"{span.Days} days");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} h");
        }

        if (span.Minutes > 0 || parts.Count == 0)
        {
            parts.Add($"{span.Minutes} min");
        }

        return string.Join(' ', parts);
    }

    /// <summary>"4 min left" before the due time, "3 min late" after it.</summary>
    public static string TimeLeft(DateTime dueAt, DateTime now) =>
        now >= dueAt ? $"{Span(now - dueAt)} late" : $"{Span(dueAt - now)} left";
}
