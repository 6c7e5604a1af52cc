using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Media;

/// <summary>
/// Fetches the received files that are due (<see cref="MediaStore"/>): enqueued when a file is noted or retried, and
/// every minute for what a restart or a failure left. Each file is held by a conditional update (moving its next
/// attempt on), so two runs at once fetch it once. A failed attempt is tried again after <see cref="Backoff"/>; after
/// the last one the file is marked failed and the thread offers a Retry. Nothing about a file's content is logged.
/// </summary>
public sealed class MediaDownloadJob(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    IWhatsAppClient client,
    MediaStore store,
    InboxEvents events,
    TimeProvider time,
    ILogger<MediaDownloadJob> logger)
{
    public const string JobId = "media-download";

    /// <summary>How long one attempt may hold a file before another run may take it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The wait after each failed attempt; after the last, the file is marked failed (all well within Meta's 7 days).</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    public static int MaxAttempts => Backoff.Count + 1;

    /// <summary>Fetches every due file (up to a batch); returns how many were stored.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.MediaItems.Where(i => i.Status == MediaItemStatus.Pending && i.NextAttemptAt <= now)
                .OrderBy(i => i.NextAttemptAt).Select(i => i.Id).Take(50).ToListAsync(cancellationToken);
        }

        var stored = 0;
        foreach (var id in due)
        {
            if (await FetchAsync(id, cancellationToken))
            {
                stored++;
            }
        }

        return stored;
    }

    private async Task<bool> FetchAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        int claimed;
        using (await gate.EnterAsync(cancellationToken))
        {
            claimed = await db.MediaItems.Where(i => i.Id == id && i.Status == MediaItemStatus.Pending && i.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.NextAttemptAt, now + Lease).SetProperty(i => i.Attempts, i => i.Attempts + 1), cancellationToken);
        }

        var item = claimed == 0 ? null : await db.MediaItems.Where(i => i.Id == id).Select(i => new { i.MediaId, i.MimeType, i.Attempts }).SingleAsync(cancellationToken);
        if (item is null)
        {
            return false;
        }

        var download = await client.DownloadMediaAsync(item.MediaId, cancellationToken);
        var after = time.GetUtcNow().UtcDateTime;
        if (download.Content is { } content)
        {
            var bytes = store.Protect(content.Bytes);
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.MediaItems.Where(i => i.Id == id && i.Status != MediaItemStatus.Stored).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, MediaItemStatus.Stored).SetProperty(i => i.Content, bytes).SetProperty(i => i.SizeBytes, content.Bytes.LongLength)
                    .SetProperty(i => i.MimeType, item.MimeType ?? content.MimeType).SetProperty(i => i.StoredAt, after).SetProperty(i => i.LastFailure, (string?)null), cancellationToken);
            }

            logger.LogInformation("A received file was stored ({Bytes} bytes, attempt {Attempt})", content.Bytes.LongLength, item.Attempts);
            await PublishAsync(db, item.MediaId, cancellationToken);
            return true;
        }

        var failure = download.Failure!;
        var gaveUp = item.Attempts >= MaxAttempts || failure.Kind == SendErrorKind.Undeliverable && failure.HttpStatus is null;
        var reason = Describe(failure);
        var next = gaveUp ? after : after + Backoff[Math.Min(item.Attempts, Backoff.Count) - 1];
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.MediaItems.Where(i => i.Id == id && i.Status == MediaItemStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, gaveUp ? MediaItemStatus.Failed : MediaItemStatus.Pending).SetProperty(i => i.NextAttemptAt, next)
                .SetProperty(i => i.LastFailure, reason), cancellationToken);
        }

        logger.LogWarning("A received file could not be fetched ({Failure}, attempt {Attempt}); {Next}", reason, item.Attempts, gaveUp ? "giving up until retried" : "trying again later");
        if (item.Attempts == 1 || gaveUp)
        {
            await PublishAsync(db, item.MediaId, cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// The HTTP status and Graph code, or our own words for a timeout, a network failure or a file too large: never the
    /// Graph API's text, which may quote a value.
    /// </summary>
    internal static string Describe(SendFailure failure)
    {
        var reason = failure.HttpStatus is { } status ? $"HTTP {status}{(failure.Code is { } code ? $", code {code}" : "")}" : failure.Title;
        return reason.Length <= 64 ? reason : reason[..64];
    }

    /// <summary>The threads showing this file re-read it.</summary>
    private async Task PublishAsync(InboxDbContext db, string mediaId, CancellationToken cancellationToken)
    {
        var tickets = await db.Messages.Where(m => m.MediaId == mediaId).Select(m => m.TicketId).Distinct().ToListAsync(cancellationToken);
        foreach (var ticketId in tickets)
        {
            await events.PublishAsync(new TicketChanged(ticketId, "media"));
        }
    }
}
