using System.Security.Claims;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Media;

public enum MediaRetryOutcome
{
    /// <summary>The file is due now; the download job runs.</summary>
    Queued,

    /// <summary>The file was stored meanwhile: nothing to retry.</summary>
    AlreadyStored,

    /// <summary>No such message with a file, or the user may not see its ticket (the same answer, so nothing leaks).</summary>
    NotFound,
}

/// <summary>The thread's Retry on a file that could not be fetched: allowed to whoever may see the message's ticket.</summary>
public sealed class MediaRetry(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, MediaStore store, TimeProvider time)
{
    public async Task<MediaRetryOutcome> RetryAsync(ClaimsPrincipal user, long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await (from m in db.Messages
                             join t in TicketAccess.Visible(db, user) on m.TicketId equals t.Id
                             where m.Id == messageId && m.MediaId != null && m.Direction != MessageDirection.InternalNote
                             select new { MediaId = m.MediaId!, m.MediaMimeType }).FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return MediaRetryOutcome.NotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(cancellationToken))
        {
            var item = await db.MediaItems.Where(i => i.MediaId == message.MediaId).Select(i => new { i.Id, i.Status }).FirstOrDefaultAsync(cancellationToken);
            if (item?.Status == MediaItemStatus.Stored)
            {
                return MediaRetryOutcome.AlreadyStored;
            }

            if (item is null)
            {
                // A file received before the app kept copies: it is fetched now, if Meta still has it.
                db.MediaItems.Add(new MediaItem { MediaId = message.MediaId, MimeType = message.MediaMimeType, Status = MediaItemStatus.Pending, NextAttemptAt = now, ReceivedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await db.MediaItems.Where(i => i.Id == item.Id && i.Status != MediaItemStatus.Stored)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, MediaItemStatus.Pending).SetProperty(i => i.Attempts, 0).SetProperty(i => i.NextAttemptAt, now), cancellationToken);
            }
        }

        store.FetchSoon();
        return MediaRetryOutcome.Queued;
    }
}
