using System.Diagnostics;

namespace BowInbox.Bench;

/// <summary>
/// Pairs each webhook the app accepted with the relayed send the fake Graph API received for it, through
/// a token in the message text. Tokens are letters only, so the contact-leak scanner never mistakes them
/// for a phone number and redacts them.
/// </summary>
internal sealed class RelayTracker(int capacity)
{
    private const string Prefix = "bench-";
    private readonly long[] acceptedAt = new long[capacity];
    private readonly long[] relayedAt = new long[capacity];
    private int nextToken;
    private long accepted;
    private long relayed;
    private long duplicates;
    private long untracked;
    private long repliesRelayed;

    public long Accepted => Interlocked.Read(ref accepted);

    public long Relayed => Interlocked.Read(ref relayed);

    /// <summary>The same webhook relayed twice: the product promises this never happens.</summary>
    public long Duplicates => Interlocked.Read(ref duplicates);

    /// <summary>Sends to pool numbers that carried no bench token (briefings, offers...).</summary>
    public long Untracked => Interlocked.Read(ref untracked);

    /// <summary>Relayed sends from the central number: providers' replies on their way to customers.</summary>
    public long RepliesRelayed => Interlocked.Read(ref repliesRelayed);

    public long Backlog => Accepted - Relayed;

    public int NewToken()
    {
        var token = Interlocked.Increment(ref nextToken);
        return token < capacity ? token : throw new InvalidOperationException($"More than {capacity} messages planned; raise the tracker's capacity.");
    }

    public static string TokenText(int token)
    {
        Span<char> letters = stackalloc char[8];
        var length = 0;
        do
        {
            letters[length++] = (char)('a' + (token % 26));
            token /= 26;
        }
        while (token > 0);

        letters[..length].Reverse();
        return Prefix + new string(letters[..length]);
    }

    public static bool TryReadToken(ReadOnlySpan<char> text, out int token)
    {
        token = 0;
        var at = text.IndexOf(Prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var digits = 0;
        foreach (var c in text[(at + Prefix.Length)..])
        {
            if (c is < 'a' or > 'z' || digits == 7)
            {
                break;
            }

            token = (token * 26) + (c - 'a');
            digits++;
        }

        return digits > 0;
    }

    public void MarkAccepted(int token)
    {
        acceptedAt[token] = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref accepted);
    }

    /// <summary>
    /// A send the fake Graph API received. From a pool number it should carry a token (or it is counted as untracked);
    /// from the central number only a provider's relayed reply does, and the rest (acknowledgements, notices) are not counted.
    /// </summary>
    public void MarkRelayed(string body, bool fromPool)
    {
        if (!TryReadToken(body, out var token) || token <= 0 || token >= capacity)
        {
            if (fromPool)
            {
                Interlocked.Increment(ref untracked);
            }

            return;
        }

        if (Interlocked.CompareExchange(ref relayedAt[token], Stopwatch.GetTimestamp(), 0) != 0)
        {
            Interlocked.Increment(ref duplicates);
            return;
        }

        Interlocked.Increment(ref relayed);
        if (!fromPool)
        {
            Interlocked.Increment(ref repliesRelayed);
        }
    }

    public bool WasRelayed(int token) => Volatile.Read(ref relayedAt[token]) != 0;

    /// <summary>Accepted → relayed send received, for the relayed ones among <paramref name="tokens"/>.</summary>
    public List<double> EndToEndMilliseconds(IEnumerable<int> tokens)
    {
        var latencies = new List<double>();
        foreach (var token in tokens)
        {
            var relayedTicks = Volatile.Read(ref relayedAt[token]);
            var acceptedTicks = acceptedAt[token];
            if (relayedTicks != 0 && acceptedTicks != 0)
            {
                // The relay may finish before the 200 reaches the phone; that is zero wait, not negative.
                latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(acceptedTicks, relayedTicks).TotalMilliseconds));
            }
        }

        return latencies;
    }
}
