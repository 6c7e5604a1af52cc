namespace BowInbox.Web.Media;

/// <summary>How images, PDFs and voice notes are read for contact details (<c>Scanning:Ocr</c>, <c>Scanning:Speech</c>).</summary>
public sealed class MediaScanOptions
{
    public const string Section = "Scanning";

    public OcrOptions Ocr { get; set; } = new();

    public SpeechOptions Speech { get; set; } = new();

    /// <summary>Files larger than this are not read (they count as unscannable).</summary>
    public int MaxFileMegabytes { get; set; } = 16;
}

public sealed class OcrOptions
{
    /// <summary>The tesseract program: a name found on the PATH or a full path.</summary>
    public string Path { get; set; } = "tesseract";

    /// <summary>Tesseract's language packs, joined with <c>+</c>.</summary>
    public string Languages { get; set; } = "eng+spa+por+fra+deu";

    /// <summary>The time one image (or one PDF page) may take before it counts as unscannable.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>pdftoppm (poppler-utils), which renders the pages of a PDF without a text layer for OCR.</summary>
    public string PdfRendererPath { get; set; } = "pdftoppm";

    /// <summary>Pages of a PDF without a text layer read by OCR; a longer PDF counts as unscannable.</summary>
    public int MaxPdfPages { get; set; } = 5;
}

public sealed class SpeechOptions
{
    /// <summary>Base address of an OpenAI-compatible speech-to-text service (<c>POST {Endpoint}/v1/audio/transcriptions</c>); empty: voice notes and video are unscannable.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "whisper-1";

    public int TimeoutSeconds { get; set; } = 60;
}
