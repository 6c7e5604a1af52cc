using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BowInbox.Core.Audit;

/// <summary>The hash chain: each entry's hash covers its own fields and the previous entry's hash.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join('\u001f',
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Target,
            entry.Details,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The id of the first entry whose link is broken (edited, removed or reordered), or null when the chain holds.</summary>
    public static long? FirstBrokenLink(IEnumerable<AuditEntry> entriesInOrder)
    {
        var previous = Genesis;
        foreach (var entry in entriesInOrder)
        {
            if (entry.PreviousHash != previous || ComputeHash(entry) != entry.Hash)
            {
                return entry.Id;
            }

            previous = entry.Hash;
        }

        return null;
    }
}
