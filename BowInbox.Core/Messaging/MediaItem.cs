namespace BowInbox.Core.Messaging;

/// <summary>Where the app's own copy of a received file stands.</summary>
public enum MediaItemStatus
{
    /// <summary>Not fetched yet: the download job tries it when <see cref="MediaItem.NextAttemptAt"/> comes.</summary>
    Pending = 0,

    /// <summary>Fetched and kept in <see cref="MediaItem.Content"/>.</summary>
    Stored = 1,

    /// <summary>Every automatic attempt failed: the thread shows so, with a Retry action.</summary>
    Failed = 2,
}

/// <summary>
/// The app's copy of one file received on WhatsApp, by its Graph media id. Meta forgets the id after 7 days, so the
/// file is fetched on receipt and kept here (encrypted: a document or a voice note may carry contact details). One row
/// per media id, whichever message (or redelivery of it) brought it; messages point to it through their media id.
/// </summary>
public class MediaItem
{
    public long Id { get; set; }

    /// <summary>The Graph media id from the webhook; unique.</summary>
    public string MediaId { get; set; } = "";

    /// <summary>The type the webhook announced, or the one the download returned.</summary>
    public string? MimeType { get; set; }

    public MediaItemStatus Status { get; set; }

    /// <summary>Download attempts since the file was received or last retried by hand.</summary>
    public int Attempts { get; set; }

    /// <summary>When the download job may try (again); while one attempt runs, it holds the row by moving this on.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed, as a kind (never the Graph API's words, which may quote a value).</summary>
    public string? LastFailure { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? StoredAt { get; set; }

    /// <summary>The file's size as received, in bytes.</summary>
    public long? SizeBytes { get; set; }

    /// <summary>The file's bytes encrypted with the Data Protection key ring; never read by list queries.</summary>
    public byte[]? Content { get; set; }
}
