using System.Security.Claims;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Audit;

public enum TranscriptFormat
{
    Csv = 0,
    Json = 1,
}

/// <summary>
/// Opens and exports transcripts for Supervisors and Admins, writing an audit entry for every view and
/// export. Anyone else gets null, exactly as for a ticket that does not exist.
/// </summary>
public sealed class Transcripts(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, Privacy.OriginalTexts originals)
{
    /// <summary>How many messages the transcript page shows at first, and adds each time more are asked for.</summary>
    public const int PageSize = 200;

    /// <param name="how">Where it was viewed ("page", "print"), kept in the audit entry.</param>
    /// <param name="messageLimit">The page loads the first messages (and more on demand, <paramref name="audited"/> false); print takes all.</param>
    public async Task<Transcript?> ViewAsync(
        ClaimsPrincipal user, int ticketId, string how, int? messageLimit = null, bool audited = true, CancellationToken cancellationToken = default)
    {
        var transcript = await LoadAsync(user, ticketId, cancellationToken, messageLimit);
        if (transcript is not null && audited)
        {
            await audit.WriteAsync(SupervisorAccess.Actor(user), AuditActions.TranscriptViewed, Target(ticketId), $"viewed on the {how}", cancellationToken);
        }

        return transcript;
    }

    public async Task<(string FileName, string ContentType, string Content)?> ExportAsync(ClaimsPrincipal user, int ticketId, TranscriptFormat format, CancellationToken cancellationToken = default)
    {
        var transcript = await LoadAsync(user, ticketId, cancellationToken);
        if (transcript is null)
        {
            return null;
        }

        await audit.WriteAsync(SupervisorAccess.Actor(user), AuditActions.TranscriptExported, Target(ticketId), $"exported as {format.ToString().ToUpperInvariant()}", cancellationToken);
        return format == TranscriptFormat.Csv
            ? ($"ticket-{ticketId}-transcript.csv", "text/csv; charset=utf-8", TranscriptExport.ToCsv(transcript))
            : ($"ticket-{ticketId}-transcript.json", "application/json; charset=utf-8", TranscriptExport.ToJson(transcript));
    }

    public static string Target(int ticketId) => $"ticket #{ticketId}";

    private async Task<Transcript?> LoadAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken, int? messageLimit = null)
    {
        if (!SupervisorAccess.MayAudit(user))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TranscriptReader.LoadAsync(db, originals, ticketId, cancellationToken, messageLimit);
    }
}
