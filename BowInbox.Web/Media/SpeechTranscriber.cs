using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Media;

/// <summary>
/// Voice notes and video through an OpenAI-compatible speech-to-text service: <c>POST {endpoint}/v1/audio/transcriptions</c>
/// with the file and the model as a multipart form, the words read from the answer's <c>text</c>.
/// </summary>
public sealed class SpeechTranscriber(HttpClient http, IOptions<MediaScanOptions> options, ILogger<SpeechTranscriber> logger)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Speech.Endpoint);

    public async Task<MediaScan> TranscribeAsync(byte[] bytes, string mimeType, CancellationToken cancellationToken)
    {
        var speech = options.Value.Speech;
        if (!Configured)
        {
            return MediaScan.Failed("voice and video scanning is off (no speech-to-text endpoint is set)", "speech");
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(mimeType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        // Quoted names: some servers' form parsers read only the quoted form of Content-Disposition.
        form.Add(file, "\"file\"", $"\"media{Extension(mimeType)}\"");
        form.Add(new StringContent(speech.Model), "\"model\"");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(speech.Endpoint!.TrimEnd('/') + "/"), "v1/audio/transcriptions")) { Content = form };
        if (!string.IsNullOrWhiteSpace(speech.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", speech.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(speech.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The speech-to-text service answered {Status}", (int)response.StatusCode);
                return MediaScan.Failed($"the speech-to-text service answered {(int)response.StatusCode}", "speech");
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(timeout.Token));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? MediaScan.Read(text.GetString()!, "speech")
                : MediaScan.Failed("the speech-to-text service gave no text", "speech");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MediaScan.Failed($"the speech-to-text service took longer than {speech.TimeoutSeconds} seconds", "speech");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            logger.LogWarning("The speech-to-text service could not be used ({Error})", ex.GetType().Name);
            return MediaScan.Failed("the speech-to-text service could not be reached", "speech");
        }
    }

    private static string Extension(string mimeType) => mimeType.Split(';')[0].Trim() switch
    {
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" or "audio/aac" => ".m4a",
        "audio/amr" => ".amr",
        "video/mp4" => ".mp4",
        "video/3gpp" => ".3gp",
        _ => "",
    };
}
