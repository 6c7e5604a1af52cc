namespace BowInbox.Core.Numbers;

/// <summary>Keeps real phone numbers (wa_ids) and business-scoped user ids encrypted at rest and findable by a keyed hash.</summary>
public interface INumberProtector
{
    string Protect(string waId);

    string Unprotect(string protectedWaId);

    /// <summary>A keyed, deterministic hash: equal numbers give equal hashes, the hash reveals nothing.</summary>
    string Hash(string waId);

    /// <summary>The hash before <see cref="PhoneKey"/> folded a number's written forms: digits only. For re-hashing stored rows.</summary>
    string LegacyHash(string waId);
}
