using BowInbox.Tests.Support;
using BowInbox.Web.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BowInbox.Tests.Media;

/// <summary>The committed image and PDF fixtures, and the scanners built on them as the app builds them.</summary>
internal static class MediaFixtures
{
    public const string BusinessCard = "business-card.png";
    public const string InstagramScreenshot = "instagram-screenshot.png";
    public const string Receipt = "receipt.png";
    public const string LeakingPipe = "leaking-pipe.png";
    public const string QuoteWithEmail = "quote-with-email.pdf";
    public const string Quote = "quote.pdf";
    public const string ScannedQuote = "scanned-quote.pdf";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "media", name));

    public static string MimeOf(string name) => name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/png";

    public static IOptions<MediaScanOptions> Options(Action<MediaScanOptions>? change = null)
    {
        var options = new MediaScanOptions();
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static MediaScanner Scanner(IOptions<MediaScanOptions>? options = null, HttpClient? http = null)
    {
        options ??= Options();
        var ocr = new TesseractOcr(options, NullLogger<TesseractOcr>.Instance);
        return new MediaScanner(
            ocr,
            new PdfReader(ocr, options, NullLogger<PdfReader>.Instance),
            new SpeechTranscriber(http ?? new HttpClient(), options, NullLogger<SpeechTranscriber>.Instance),
            options);
    }

    /// <summary>OCR tests need tesseract: skipped with the reason on a developer machine, failed under BOWINBOX_REQUIRE_ALL_TESTS=1.</summary>
    public static void RequireTesseract()
    {
        if (!new TesseractOcr(Options(), NullLogger<TesseractOcr>.Instance).Available)
        {
            TestEnvironment.SkipOrFail("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-fra tesseract-ocr-deu poppler-utils)");
        }
    }
}
