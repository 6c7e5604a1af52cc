using Microsoft.Extensions.Options;

namespace BowInbox.Web.Media;

/// <summary>Chooses how to read a file from its type: images by OCR, PDFs by their text, audio and video by speech-to-text.</summary>
public sealed class MediaScanner(TesseractOcr ocr, PdfReader pdfs, SpeechTranscriber speech, IOptions<MediaScanOptions> options) : IMediaScanner
{
    public async Task<MediaScan> ScanAsync(byte[] bytes, string mimeType, CancellationToken cancellationToken)
    {
        var type = mimeType.Split(';')[0].Trim().ToLowerInvariant();
        if (bytes.Length > options.Value.MaxFileMegabytes * 1024L * 1024)
        {
            return MediaScan.Failed($"the file is larger than {options.Value.MaxFileMegabytes} MB", "size");
        }

        if (type == "application/pdf")
        {
            return await pdfs.ReadAsync(bytes, cancellationToken);
        }

        if (type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal))
        {
            return await speech.TranscribeAsync(bytes, type, cancellationToken);
        }

        if (!type.StartsWith("image/", StringComparison.Ordinal))
        {
            return MediaScan.Failed($"files of type {Describe(type)} cannot be read", "none");
        }

        var file = Path.Combine(Path.GetTempPath(), $"bowinbox-ocr-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(file, bytes, cancellationToken);
            var (text, failure) = await ocr.ReadFileAsync(file, cancellationToken);
            return failure is null ? MediaScan.Read(text!, "ocr") : MediaScan.Failed(failure, "ocr");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A MIME type as sent is the sender's text: only a plain one is repeated.</summary>
    private static string Describe(string type)
        => type.Length <= 60 && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '+') ? type : "unknown";
}
