using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BowInbox.Core.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

public sealed record SendOutcome(string? Wamid, SendFailure? Failure)
{
    public bool Succeeded => Wamid is not null;
}

/// <summary>The Cloud API as BowInbox uses it. Only the outbox sender calls it.</summary>
public interface IWhatsAppClient
{
    /// <summary>POSTs a complete request body (with <c>to</c>) from our number <paramref name="phoneNumberId"/>.</summary>
    Task<SendOutcome> SendAsync(string phoneNumberId, string payloadJson, CancellationToken cancellationToken);

    /// <summary>Fetches received media: <c>GET {base}/{media_id}</c> for a short-lived URL, then the bytes from it.</summary>
    Task<MediaDownload> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken);

    /// <summary>Uploads media from our number (<c>POST {base}/{phone_number_id}/media</c>); a media id only works for the number that holds it.</summary>
    Task<MediaUpload> UploadMediaAsync(string phoneNumberId, MediaContent content, CancellationToken cancellationToken);
}

public sealed record MediaContent(byte[] Bytes, string MimeType, string FileName);

public sealed record MediaDownload(MediaContent? Content, SendFailure? Failure);

public sealed record MediaUpload(string? MediaId, SendFailure? Failure);

/// <summary>Typed HttpClient for <c>{GraphApiBaseUrl}/{phone_number_id}/messages</c> with the bearer token.</summary>
internal sealed class WhatsAppClient(HttpClient http, IOptions<WhatsAppOptions> options) : IWhatsAppClient
{
    public async Task<SendOutcome> SendAsync(string phoneNumberId, string payloadJson, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Uri.EscapeDataString(phoneNumberId)}/messages")
        {
            Content = new StringContent(payloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode && GraphSendResponse.TryReadWamid(body, out var wamid))
            {
                return new SendOutcome(wamid, null);
            }

            return new SendOutcome(null, SendFailure.FromResponse((int)response.StatusCode, body));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(null, SendFailure.Timeout());
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome(null, SendFailure.NetworkFailure(ex.Message));
        }
    }

    public async Task<MediaDownload> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken)
    {
        try
        {
            using var lookup = Authorized(new HttpRequestMessage(HttpMethod.Get, Uri.EscapeDataString(mediaId)));
            using var described = await http.SendAsync(lookup, cancellationToken);
            var body = await described.Content.ReadAsStringAsync(cancellationToken);
            if (!described.IsSuccessStatusCode)
            {
                return new MediaDownload(null, SendFailure.FromResponse((int)described.StatusCode, body));
            }

            using var json = JsonDocument.Parse(body);
            var url = json.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null;
            var mime = json.RootElement.TryGetProperty("mime_type", out var m) ? m.GetString() : null;
            if (url is null)
            {
                return new MediaDownload(null, SendFailure.FromResponse(502, body));
            }

            if (json.RootElement.TryGetProperty("file_size", out var size) && size.TryGetInt64(out var announced) && announced > WhatsAppLimits.MaxMediaBytes)
            {
                return new MediaDownload(null, SendFailure.MediaTooLarge(announced));
            }

            // Headers first, then the body as a stream read up to the cap: a file is never loaded whole before its size is known.
            using var fetch = Authorized(new HttpRequestMessage(HttpMethod.Get, url));
            using var bytes = await http.SendAsync(fetch, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!bytes.IsSuccessStatusCode)
            {
                return new MediaDownload(null, SendFailure.FromResponse((int)bytes.StatusCode, await bytes.Content.ReadAsStringAsync(cancellationToken)));
            }

            var length = bytes.Content.Headers.ContentLength;
            var content = length > WhatsAppLimits.MaxMediaBytes ? null : await ReadCappedAsync(bytes.Content, length, cancellationToken);
            if (content is null)
            {
                return new MediaDownload(null, SendFailure.MediaTooLarge(length));
            }

            var type = mime ?? bytes.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            return new MediaDownload(new MediaContent(content, type, "media"), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MediaDownload(null, SendFailure.Timeout());
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return new MediaDownload(null, SendFailure.NetworkFailure(ex.GetType().Name));
        }
    }

    public async Task<MediaUpload> UploadMediaAsync(string phoneNumberId, MediaContent content, CancellationToken cancellationToken)
    {
        if (content.Bytes.LongLength > WhatsAppLimits.MaxMediaBytes)
        {
            return new MediaUpload(null, SendFailure.MediaTooLarge(content.Bytes.LongLength));
        }

        try
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("whatsapp"), "messaging_product" },
                { new StringContent(content.MimeType), "type" },
            };
            var file = new StreamContent(new MemoryStream(content.Bytes, writable: false));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(content.MimeType);
            form.Add(file, "file", content.FileName);
            using var request = Authorized(new HttpRequestMessage(HttpMethod.Post, $"{Uri.EscapeDataString(phoneNumberId)}/media") { Content = form });
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new MediaUpload(null, SendFailure.FromResponse((int)response.StatusCode, body));
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } mediaId
                ? new MediaUpload(mediaId, null)
                : new MediaUpload(null, SendFailure.FromResponse(502, body));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MediaUpload(null, SendFailure.Timeout());
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException)
        {
            return new MediaUpload(null, SendFailure.NetworkFailure(ex.GetType().Name));
        }
    }

    /// <summary>The body, or null once it passes <see cref="WhatsAppLimits.MaxMediaBytes"/>.</summary>
    internal static async Task<byte[]?> ReadCappedAsync(HttpContent content, long? length, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var kept = new MemoryStream((int)Math.Min(length ?? 64 * 1024, WhatsAppLimits.MaxMediaBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
            {
                if (kept.Length + read > WhatsAppLimits.MaxMediaBytes)
                {
                    return null;
                }

                kept.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return kept.Length == kept.Capacity ? kept.GetBuffer() : kept.ToArray();
    }

    private HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        return request;
    }
}
