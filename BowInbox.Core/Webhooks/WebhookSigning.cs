using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BowInbox.Core.Webhooks;

/// <summary>
/// The <c>BowInbox-Signature</c> header, as Stripe signs its webhooks: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256
/// of "t.body"&gt;</c> keyed with the subscription's secret. The time inside the signature lets a receiver refuse replays.
/// </summary>
public static class WebhookSigning
{
    public const string HeaderName = "BowInbox-Signature";

    public static string Header(string secret, long unixSeconds, string body)
        => $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Hex(secret, unixSeconds, body)}";

    /// <summary>Whether the header signs this body with this secret within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? t = null;
        var signatures = new List<string>();
        foreach (var part in (header ?? "").Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }

            if (kv[0].Trim() == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                t = parsed;
            }
            else if (kv[0].Trim() == "v1")
            {
                signatures.Add(kv[1].Trim());
            }
        }

        if (t is not { } time || Math.Abs(now.ToUnixTimeSeconds() - time) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hex(secret, time, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }

    private static string Hex(string secret, long unixSeconds, string body)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}")));
}
