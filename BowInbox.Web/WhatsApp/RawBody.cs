using System.Buffers;

namespace BowInbox.Web.WhatsApp;

internal static class RawBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The request body as received, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // A declared length (Meta always sends one) is read straight into the array that is returned: no copy and no
        // scratch buffer per webhook. Kestrel ends the body at that length, so nothing beyond it can arrive.
        if (request.ContentLength is { } declared)
        {
            var body = new byte[declared];
            var filled = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken);
            // A body cut short keeps what arrived, so its signature fails as it would have before.
            return filled == body.Length ? body : body[..filled];
        }

        return await ReadUnknownLengthAsync(request.Body, limit, cancellationToken);
    }

    private static async Task<byte[]?> ReadUnknownLengthAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
