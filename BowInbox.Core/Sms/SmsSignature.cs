using System.Security.Cryptography;
using System.Text;

namespace BowInbox.Core.Sms;

/// <summary>
/// The SMS provider's webhook signature (Twilio's <c>X-Twilio-Signature</c>): base64 of HMAC-SHA1, keyed with the auth
/// token, over the full URL the provider requested followed by every POST parameter's name and value, sorted by name.
/// </summary>
public static class SmsSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        var text = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Whether <paramref name="signature"/> is the one the token gives; compared in constant time. No token: never.</summary>
    public static bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(url, parameters, authToken));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
