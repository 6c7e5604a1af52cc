using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.WhatsApp;

internal enum WebhookBodyOutcome
{
    Verified,
    TooLarge,
    BadSignature,
}

/// <summary>A webhook body, as text once its signature has been verified over the bytes as received.</summary>
internal readonly record struct WebhookBody(WebhookBodyOutcome Outcome, string? Json);

/// <summary>
/// Reads a webhook body while hashing it, in pooled chunks that grow with what has arrived, never with what the
/// sender announced: a thousand connections that each announce 3 MB and then trickle pin only what they sent. A
/// request without a well-formed signature header is refused before any of its body is read.
/// </summary>
internal static class WebhookBodyReader
{
    private const int FirstChunkBytes = 16 * 1024;

    public static async Task<WebhookBody> ReadVerifiedAsync(HttpRequest request, string appSecret, int limit, CancellationToken cancellationToken)
    {
        var received = new byte[HMACSHA256.HashSizeInBytes];
        if (!WebhookSignature.TryReadHeader(request.Headers[WebhookSignature.HeaderName], received))
        {
            return new(WebhookBodyOutcome.BadSignature, null);
        }

        if (request.ContentLength > limit)
        {
            return new(WebhookBodyOutcome.TooLarge, null);
        }

        using var hasher = WebhookSignature.CreateHasher(appSecret);
        var buffer = ArrayPool<byte>.Shared.Rent(FirstChunkBytes);
        var length = 0;
        try
        {
            var reader = request.BodyReader;
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var data = result.Buffer;
                if (length + data.Length > limit)
                {
                    reader.AdvanceTo(data.End);
                    return new(WebhookBodyOutcome.TooLarge, null);
                }

                foreach (var segment in data)
                {
                    hasher.AppendData(segment.Span);
                    if (length + segment.Length > buffer.Length)
                    {
                        buffer = Grow(buffer, length, length + segment.Length, limit);
                    }

                    segment.Span.CopyTo(buffer.AsSpan(length));
                    length += segment.Length;
                }

                reader.AdvanceTo(data.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            // The text is the one copy kept: it is what gets parsed and stored.
            return WebhookSignature.Matches(hasher, received)
                ? new(WebhookBodyOutcome.Verified, Encoding.UTF8.GetString(buffer, 0, length))
                : new(WebhookBodyOutcome.BadSignature, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int used, int needed, int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(buffer.Length * 2, limit)));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
