using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// Meta's <c>X-Hub-Signature-256</c> header: <c>sha256=</c> and the hex HMAC-SHA256 of the raw request
/// bytes keyed with the app secret. It must be checked on the bytes as received: Meta escapes non-ASCII
/// as <c>\uXXXX</c>, so re-serialised JSON no longer matches.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? headerValue, string appSecret)
    {
        var key = SecretBytes(appSecret);
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryReadHeader(headerValue, received))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>
    /// The HMAC a body is hashed with as it arrives, chunk by chunk, so it can be checked without holding the body
    /// first; finish with <see cref="Matches"/>.
    /// </summary>
    public static IncrementalHash CreateHasher(string appSecret)
        => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, SecretBytes(appSecret));

    /// <summary>
    /// The hash a header carries, or false when it is missing or not <c>sha256=</c> and 64 hex digits: such a request
    /// can be refused before its body is read.
    /// </summary>
    public static bool TryReadHeader(string? headerValue, Span<byte> received)
    {
        if (headerValue is null || !headerValue.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || received.Length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        var hex = headerValue.AsSpan(Prefix.Length);
        return hex.Length == HMACSHA256.HashSizeInBytes * 2
            && Convert.FromHexString(hex, received, out _, out var written) == OperationStatus.Done
            && written == received.Length;
    }

    /// <summary>Whether the body hashed into <paramref name="hasher"/> has the hash the header carried; in constant time.</summary>
    public static bool Matches(IncrementalHash hasher, ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hasher.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/>, with lowercase hex.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string appSecret)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(SecretBytes(appSecret), body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    // An empty key would let anyone sign with an empty key too: a missing secret is a configuration bug, not a 401.
    private static byte[] SecretBytes(string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        return Encoding.UTF8.GetBytes(appSecret);
    }
}
