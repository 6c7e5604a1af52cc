using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BowInbox.Core.Audit;

/// <summary>
/// The hash chain: each entry's hash covers its own fields and the previous entry's hash. Entries are keyed with
/// HMAC-SHA256 (<see cref="KeyedVersion"/>), so whoever can write the table but does not hold the key cannot rewrite
/// the chain and recompute it. Entries written before the chain was keyed keep their plain SHA-256 hash
/// (<see cref="UnkeyedVersion"/>); they may only come before the first keyed entry, never after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Plain SHA-256 over the fields, as written before the chain was keyed.</summary>
    public const int UnkeyedVersion = 1;

    /// <summary>HMAC-SHA256 with the configured key over the fields, the position and the version.</summary>
    public const int KeyedVersion = 2;

    /// <summary>The hash an entry should carry, by its <see cref="AuditEntry.HashVersion"/>.</summary>
    public static string ComputeHash(AuditEntry entry, ReadOnlySpan<byte> key)
    {
        if (entry.HashVersion == UnkeyedVersion)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));
        }

        if (entry.HashVersion != KeyedVersion)
        {
            throw new ArgumentException($"Unknown audit hash version {entry.HashVersion}.", nameof(entry));
        }

        if (key.IsEmpty)
        {
            throw new ArgumentException("A keyed audit hash needs the key (Audit:HmacKey).", nameof(key));
        }

        var canonical = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.HashVersion.ToString(CultureInfo.InvariantCulture),
            Canonical(entry));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The id of the first entry whose link is broken (edited, removed, reordered, or an unkeyed entry after a keyed
    /// one), or null when the chain holds. Entries come in <see cref="AuditEntry.Sequence"/> order.
    /// </summary>
    public static long? FirstBrokenLink(IEnumerable<AuditEntry> entriesInOrder, ReadOnlySpan<byte> key)
    {
        var previous = Genesis;
        var keyed = false;
        foreach (var entry in entriesInOrder)
        {
            var unkeyedAfterKeyed = keyed && entry.HashVersion != KeyedVersion;
            var unknownVersion = entry.HashVersion is not (UnkeyedVersion or KeyedVersion);
            var cannotCheck = entry.HashVersion == KeyedVersion && key.IsEmpty;
            if (unkeyedAfterKeyed || unknownVersion || cannotCheck || entry.PreviousHash != previous
                || !HashMatches(entry, key))
            {
                return entry.Id;
            }

            keyed |= entry.HashVersion == KeyedVersion;
            previous = entry.Hash;
        }

        return null;
    }

    private static bool HashMatches(AuditEntry entry, ReadOnlySpan<byte> key)
    {
        var expected = Encoding.ASCII.GetBytes(ComputeHash(entry, key));
        var actual = Encoding.ASCII.GetBytes(entry.Hash);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string Canonical(AuditEntry entry)
        => string.Join('\u001f',
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Target,
            entry.Details,
            entry.PreviousHash);
}
