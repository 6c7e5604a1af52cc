using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BowInbox.Web.Media;

/// <summary>Degraded (not unhealthy) when OCR or speech-to-text is missing: the app works, and the unscannable-media policy applies instead.</summary>
public sealed class MediaScanningHealth(TesseractOcr ocr, SpeechTranscriber speech) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Speech-to-text is an optional service an operator may choose not to run; missing OCR is degraded.
        var off = Describe(ocr, speech);
        return Task.FromResult(ocr.Available
            ? HealthCheckResult.Healthy(off.Count == 0 ? "Images, PDFs, voice notes and video are scanned." : string.Join(" ", off))
            : HealthCheckResult.Degraded(string.Join(" ", off) + " The unscannable-media policy on /admin/content-policy applies to those files."));
    }

    /// <summary>
    /// /health's answer: the overall status as one word, as before; below it, what this check says when it is not
    /// healthy (no other check's description, which could name a server).
    /// </summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain";
        var text = report.Status.ToString();
        foreach (var (name, entry) in report.Entries.Where(e => (e.Key is Name or BowInbox.Web.WhatsApp.NumberHealth.Name) && e.Value.Status != HealthStatus.Healthy))
        {
            text += $"\n{name}: {entry.Description}";
        }

        return http.Response.WriteAsync(text);
    }

    public const string Name = "media-scanning";

    /// <summary>What is switched off, in sentences for /health and the content policy page; empty when everything is on.</summary>
    public static List<string> Describe(TesseractOcr ocr, SpeechTranscriber speech)
    {
        var off = new List<string>();
        if (!ocr.Available)
        {
            off.Add("Image scanning is off: tesseract is not installed (images and PDFs without a text layer cannot be read).");
        }

        if (!speech.Configured)
        {
            off.Add("Voice and video scanning is off: no speech-to-text endpoint is set (Scanning:Speech:Endpoint).");
        }

        return off;
    }
}
