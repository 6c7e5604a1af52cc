using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace BowInbox.Web.Media;

/// <summary>
/// A PDF's words: its text layer (PdfPig), or, when it has none (a scan), its first pages rendered by pdftoppm and
/// read by OCR. Without pdftoppm or tesseract a PDF without a text layer is unscannable.
/// </summary>
public sealed class PdfReader(TesseractOcr ocr, IOptions<MediaScanOptions> options, ILogger<PdfReader> logger)
{
    public async Task<MediaScan> ReadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        int pages;
        string text;
        try
        {
            using var document = PdfDocument.Open(bytes);
            pages = document.NumberOfPages;
            text = string.Join("\n", document.GetPages().Select(p => p.Text));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("A PDF could not be opened ({Error})", ex.GetType().Name);
            return MediaScan.Failed("the file is not a PDF that could be read", "pdf");
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            return MediaScan.Read(text, "pdf text");
        }

        return await OcrPagesAsync(bytes, pages, cancellationToken);
    }

    private async Task<MediaScan> OcrPagesAsync(byte[] bytes, int pages, CancellationToken cancellationToken)
    {
        var settings = options.Value.Ocr;
        if (!ocr.Available)
        {
            return MediaScan.Failed("the PDF has no text layer and image scanning is off (tesseract is not installed)", "pdf ocr");
        }

        if (pages > settings.MaxPdfPages)
        {
            return MediaScan.Failed($"the PDF has no text layer and more than {settings.MaxPdfPages} pages to read", "pdf ocr");
        }

        var folder = Directory.CreateTempSubdirectory("bowinbox-pdf-");
        try
        {
            var file = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(file, bytes, cancellationToken);
            ExternalProcess.Result rendered;
            try
            {
                rendered = await ExternalProcess.RunAsync(
                    settings.PdfRendererPath, ["-r", "200", "-png", file, Path.Combine(folder.FullName, "page")], TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return MediaScan.Failed("the PDF has no text layer and pdftoppm is not installed to read its pages", "pdf ocr");
            }

            if (rendered.TimedOut || rendered.ExitCode != 0)
            {
                return MediaScan.Failed("the PDF's pages could not be rendered for reading", "pdf ocr");
            }

            var words = new List<string>();
            foreach (var page in folder.GetFiles("page*.png").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var (pageText, failure) = await ocr.ReadFileAsync(page.FullName, cancellationToken);
                if (failure is not null)
                {
                    return MediaScan.Failed(failure, "pdf ocr");
                }

                words.Add(pageText!);
            }

            return MediaScan.Read(string.Join("\n", words), "pdf ocr");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
