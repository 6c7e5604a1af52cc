using System.Security.Cryptography;
using System.Text;

namespace BowInbox.Web.Api;

/// <summary>
/// The shape of an API key: <c>bwi_</c>, a visible key id that finds the row, an underscore and 256 random bits. Only
/// the SHA-256 of the whole key is stored: enough for a key this random (no dictionary can guess it), and fast to check
/// on every request.
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "bwi_";

    private const int KeyIdLength = 12;

    public static string NewKeyId() => Base32(RandomNumberGenerator.GetBytes(8))[..KeyIdLength];

    public static string NewKey(string keyId) => $"{Prefix}{keyId}_{Base32(RandomNumberGenerator.GetBytes(32))}";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The key id of a well-formed key; false for anything else (checked before any database read).</summary>
    public static bool TryReadKeyId(string? key, out string keyId)
    {
        keyId = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 128)
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != KeyIdLength || rest.Length <= separator + 1)
        {
            return false;
        }

        keyId = rest[..separator].ToString();
        return true;
    }

    /// <summary>Compares in constant time, so the response time says nothing about how much of a guess was right.</summary>
    public static bool Matches(string key, string storedHash)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base32(byte[] bytes)
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
        var text = new StringBuilder(bytes.Length * 8 / 5 + 1);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
