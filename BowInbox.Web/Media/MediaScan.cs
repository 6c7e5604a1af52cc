namespace BowInbox.Web.Media;

/// <summary>What reading one file gave: its words (possibly none), or why it could not be read.</summary>
public sealed record MediaScan(string? Text, string? Unscannable, string Method)
{
    public bool Scanned => Unscannable is null;

    public static MediaScan Read(string text, string method) => new(text.Trim(), null, method);

    public static MediaScan Failed(string why, string method) => new(null, why, method);
}

/// <summary>Reads the words in a received file, whatever its kind: images by OCR, PDFs by their text, voice and video by speech-to-text.</summary>
public interface IMediaScanner
{
    /// <summary>
    /// Never throws for a bad or unreadable file: the result then says why it is unscannable. The reason never
    /// quotes the file's content (it goes to the ticket's timeline and logs).
    /// </summary>
    Task<MediaScan> ScanAsync(byte[] bytes, string mimeType, CancellationToken cancellationToken);
}
