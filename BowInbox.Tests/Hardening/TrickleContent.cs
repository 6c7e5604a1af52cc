using System.Net;

namespace BowInbox.Tests.Hardening;

/// <summary>
/// A request body that sends <paramref name="first"/> and then either keeps sending forever (a sender that never
/// stops) or waits for <see cref="Release"/> (a slow sender). Counts what the app took.
/// </summary>
internal sealed class TrickleContent(byte[] first, bool endless, long? declaredLength = null) : HttpContent
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sent;

    public long Sent => Interlocked.Read(ref sent);

    public void Release() => released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await WriteAsync(stream, first);
        if (!endless)
        {
            await released.Task;
            return;
        }

        var more = new byte[16 * 1024];
        Array.Fill(more, (byte)'x');
        while (true)
        {
            await WriteAsync(stream, more);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declaredLength ?? 0;
        return declaredLength is not null;
    }

    private async Task WriteAsync(Stream stream, byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
        Interlocked.Add(ref sent, bytes.Length);
    }
}
