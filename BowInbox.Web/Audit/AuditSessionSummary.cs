using System.Globalization;

namespace BowInbox.Web.Audit;

/// <summary>The short, masked WhatsApp answer to <c>/audit_session</c>: who, where it stands, what went wrong, and the link.</summary>
public static class AuditSessionSummary
{
    public static string Text(Transcript transcript, string link)
    {
        var t = transcript.Ticket;
        var breaches = transcript.SlaTargets.Count(s => s.Outcome == "breached");
        var lines = new List<string>
        {
            $"Ticket #{t.Id} · {t.CustomerAlias} {t.CustomerFirstName} · {t.Status}",
            $"{t.Group ?? "no group"} · provider {t.Provider ?? "none"}",
        };
        if (t.ExternalReferences.Count > 0)
        {
            lines.Add($"Ref: {string.Join("; ", t.ExternalReferences)}");
        }

        lines.Add($"{transcript.Messages.Count} messages · {transcript.ViolationCount} violations · {transcript.Offers.Count} offers · SLA breaches: {breaches}");
        if (t.FirstHumanReplyAt is { } replied)
        {
            lines.Add($"First response {Minutes(replied - t.CreatedAt)}");
        }

        lines.Add($"Transcript: {link}");
        return string.Join('\n', lines);
    }

    private static string Minutes(TimeSpan duration)
        => duration.TotalMinutes < 1 ? $"{Math.Max(0, (int)duration.TotalSeconds)} s" : $"{duration.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min";
}
