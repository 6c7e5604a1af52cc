using BowInbox.Core.Scanning;
using BowInbox.Web.Media;

namespace BowInbox.Tests.Media;

/// <summary>Real files through the real OCR and PDF readers, then the real scanner with the shipped policy.</summary>
public sealed class MediaScannerTests
{
    private static readonly ContactScanner Scanner = new();

    private static async Task<(MediaScan Read, ScanResult Scan)> ReadAsync(string fixture)
    {
        var read = await MediaFixtures.Scanner().ScanAsync(MediaFixtures.Bytes(fixture), MediaFixtures.MimeOf(fixture), TestContext.Current.CancellationToken);
        return (read, Scanner.Scan(read.Text ?? "", ContentPolicy.Default));
    }

    [Fact]
    public async Task A_business_card_photo_shows_a_phone_number()
    {
        MediaFixtures.RequireTesseract();

        var (read, scan) = await ReadAsync(MediaFixtures.BusinessCard);

        Assert.True(read.Scanned, read.Unscannable);
        Assert.Equal("ocr", read.Method);
        Assert.Contains(scan.Findings, f => f.Kind == ViolationKind.Phone && f.Text.Contains("7911", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_screenshot_shows_an_instagram_handle()
    {
        MediaFixtures.RequireTesseract();

        var (read, scan) = await ReadAsync(MediaFixtures.InstagramScreenshot);

        Assert.True(read.Scanned, read.Unscannable);
        Assert.Contains(scan.Findings, f => f.Kind == ViolationKind.SocialHandle);
    }

    [Theory]
    [InlineData(MediaFixtures.Receipt)]
    [InlineData(MediaFixtures.LeakingPipe)]
    public async Task A_receipt_and_a_photo_of_a_leaking_pipe_are_read_and_clean(string fixture)
    {
        MediaFixtures.RequireTesseract();

        var (read, scan) = await ReadAsync(fixture);

        Assert.True(read.Scanned, read.Unscannable);
        Assert.True(scan.IsClean, string.Join(", ", scan.Findings.Select(f => f.Kind)));
        if (fixture == MediaFixtures.Receipt)
        {
            Assert.Contains("Total", read.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pdf_quote_is_read_from_its_text_layer_with_and_without_an_email()
    {
        var (withEmail, dirty) = await ReadAsync(MediaFixtures.QuoteWithEmail);
        var (without, clean) = await ReadAsync(MediaFixtures.Quote);

        Assert.Equal("pdf text", withEmail.Method);
        Assert.Contains(dirty.Findings, f => f.Kind == ViolationKind.Email);
        Assert.True(without.Scanned);
        Assert.Contains("Bathroom leak repair", without.Text, StringComparison.Ordinal);
        Assert.True(clean.IsClean, string.Join(", ", clean.Findings.Select(f => f.Kind)));
    }

    [Fact]
    public async Task A_scanned_pdf_without_a_text_layer_is_read_by_ocr_of_its_pages()
    {
        MediaFixtures.RequireTesseract();

        var (read, scan) = await ReadAsync(MediaFixtures.ScannedQuote);

        Assert.True(read.Scanned, read.Unscannable);
        Assert.Equal("pdf ocr", read.Method);
        Assert.Contains(scan.Findings, f => f.Kind == ViolationKind.Email);
    }

    [Fact]
    public async Task Without_tesseract_an_image_and_a_scanned_pdf_are_unscannable_and_say_why()
    {
        var scanner = MediaFixtures.Scanner(MediaFixtures.Options(o => o.Ocr.Path = "/nonexistent/tesseract"));

        var image = await scanner.ScanAsync(MediaFixtures.Bytes(MediaFixtures.BusinessCard), "image/png", TestContext.Current.CancellationToken);
        var scanned = await scanner.ScanAsync(MediaFixtures.Bytes(MediaFixtures.ScannedQuote), "application/pdf", TestContext.Current.CancellationToken);
        var text = await scanner.ScanAsync(MediaFixtures.Bytes(MediaFixtures.QuoteWithEmail), "application/pdf", TestContext.Current.CancellationToken);

        Assert.False(image.Scanned);
        Assert.Contains("tesseract is not installed", image.Unscannable, StringComparison.Ordinal);
        Assert.False(scanned.Scanned);
        Assert.Contains("no text layer", scanned.Unscannable, StringComparison.Ordinal);
        Assert.True(text.Scanned, "a PDF's text layer needs no OCR");
    }

    [Fact]
    public async Task Broken_files_unknown_types_oversized_files_and_slow_ocr_are_unscannable()
    {
        var ct = TestContext.Current.CancellationToken;
        var scanner = MediaFixtures.Scanner(MediaFixtures.Options(o => o.MaxFileMegabytes = 1));

        var notAPdf = await scanner.ScanAsync([1, 2, 3, 4], "application/pdf", ct);
        var unknown = await scanner.ScanAsync([1, 2, 3, 4], "application/zip", ct);
        var large = await scanner.ScanAsync(new byte[(1024 * 1024) + 1], "image/png", ct);
        var voice = await scanner.ScanAsync([1, 2, 3, 4], "audio/ogg", ct);

        Assert.Contains("not a PDF", notAPdf.Unscannable, StringComparison.Ordinal);
        Assert.Contains("application/zip", unknown.Unscannable, StringComparison.Ordinal);
        Assert.Contains("larger than 1 MB", large.Unscannable, StringComparison.Ordinal);
        Assert.Contains("no speech-to-text endpoint", voice.Unscannable, StringComparison.Ordinal);

        MediaFixtures.RequireTesseract();
        var garbage = await scanner.ScanAsync([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "image/jpeg", ct);
        Assert.Contains("not an image", garbage.Unscannable, StringComparison.Ordinal);

        // A time limit of zero seconds: tesseract is killed and the image counts as unscannable.
        var slow = await MediaFixtures.Scanner(MediaFixtures.Options(o => o.Ocr.TimeoutSeconds = 0)).ScanAsync(MediaFixtures.Bytes(MediaFixtures.BusinessCard), "image/png", ct);
        Assert.Contains("within 0 seconds", slow.Unscannable, StringComparison.Ordinal);
    }
}
