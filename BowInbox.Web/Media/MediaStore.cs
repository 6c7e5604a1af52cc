using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Media;

/// <summary>
/// The app's copies of received files, one <see cref="MediaItem"/> row per Graph media id with the bytes encrypted in
/// the database (every server sees them; backups carry them). A file is noted when its message is applied, whether or
/// not the message was already stored: a redelivered webhook brings a failed download forward, while the message itself
/// is stored once. <see cref="MediaDownloadJob"/> fetches what is due.
/// </summary>
public sealed class MediaStore(IDataProtectionProvider dataProtection, IBackgroundJobClient jobs)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.MediaStore.v1");

    /// <summary>Whether a message carries a file to keep (an image, document, audio, video or sticker with a media id).</summary>
    public static bool Carries(InboundMessage message)
        => message.IdentityChange is null && message.Media is { Id.Length: > 0 and <= 128 } && OutboundPayloads.MediaTypes.Contains(message.Type);

    /// <summary>
    /// Notes the message's file in the caller's unit of work: a new one is due now; one not stored yet (failed, or
    /// waiting for its next attempt) is due again now, with fresh attempts. Returns whether a download is due.
    /// </summary>
    public async Task<bool> NoteAsync(InboxDbContext db, InboundMessage message, DateTime now, CancellationToken cancellationToken)
    {
        if (!Carries(message))
        {
            return false;
        }

        var mediaId = message.Media!.Id;
        if (db.MediaItems.Local.FirstOrDefault(i => i.MediaId == mediaId) is { } noted)
        {
            return noted.Status != MediaItemStatus.Stored;
        }

        var known = await db.MediaItems.Where(i => i.MediaId == mediaId).Select(i => new { i.Id, i.Status }).FirstOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            db.MediaItems.Add(new MediaItem { MediaId = mediaId, MimeType = message.Media.MimeType, Status = MediaItemStatus.Pending, NextAttemptAt = now, ReceivedAt = now });
            return true;
        }

        if (known.Status == MediaItemStatus.Stored)
        {
            return false;
        }

        await db.MediaItems.Where(i => i.Id == known.Id && i.Status != MediaItemStatus.Stored)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, MediaItemStatus.Pending).SetProperty(i => i.Attempts, 0).SetProperty(i => i.NextAttemptAt, now), cancellationToken);
        return true;
    }

    /// <summary>Runs the download job now (after the notes are committed); the minutely run catches anything this misses.</summary>
    public void FetchSoon() => jobs.Enqueue<MediaDownloadJob>(job => job.RunAsync(CancellationToken.None));

    public byte[] Protect(byte[] bytes) => protector.Protect(bytes);

    /// <summary>A stored file's bytes; null when the file is not (yet) stored.</summary>
    public async Task<MediaContent?> ReadAsync(InboxDbContext db, string mediaId, CancellationToken cancellationToken)
    {
        var row = await db.MediaItems.AsNoTracking().Where(i => i.MediaId == mediaId && i.Status == MediaItemStatus.Stored)
            .Select(i => new { i.Content, i.MimeType }).FirstOrDefaultAsync(cancellationToken);
        return row?.Content is null ? null : new MediaContent(protector.Unprotect(row.Content), row.MimeType ?? "application/octet-stream", "media");
    }
}
