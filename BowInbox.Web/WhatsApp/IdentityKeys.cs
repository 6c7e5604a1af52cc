using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.WhatsApp;

/// <summary>An address that moved: conversation windows keyed on the old hash follow it to the new one.</summary>
internal sealed record AddressMove(string OldHash, string NewHash);

/// <summary>
/// Matches a message's sender to one of the known people (customers or providers) and teaches that person what the
/// message newly says about them: BSUID first, then parent BSUID, then phone number. A phone arriving for someone known
/// only by BSUID becomes their address (Meta advises sending to the phone); a system message re-keys them.
/// </summary>
internal sealed class IdentityKeys(INumberProtector numbers, IReadOnlyList<IWhatsAppIdentity> known)
{
    private readonly List<AddressMove> moves = [];

    public IReadOnlyList<AddressMove> Moves => moves;

    public bool Changed { get; private set; }

    /// <summary>The person the message is from, updated with what it says, or null for someone not known yet.</summary>
    public IWhatsAppIdentity? Learn(InboundMessage message)
    {
        var userHash = Hash(message.FromUserId);
        var parentHash = Hash(message.FromParentUserId);
        var phoneHash = Hash(message.FromPhone);
        var change = message.IdentityChange;
        var previousHash = Hash(change?.PreviousUserId);

        var person = (previousHash is null ? null : Find(p => p.UserIdHash == previousHash || p.AddressHash == previousHash))
            ?? Match(known, userHash, parentHash, phoneHash);
        if (person is null)
        {
            return null;
        }

        var newUserId = change?.Kind == IdentityChangeKind.ChangedUserId ? change.NewUserId ?? message.FromUserId : message.FromUserId;
        if (newUserId is not null)
        {
            var addressWasUserId = person.AddressHash is { } address && (address == person.UserIdHash || address == previousHash);
            SetUserId(person, newUserId);
            if (addressWasUserId)
            {
                SetAddress(person, newUserId);
            }
        }

        if (message.FromParentUserId is { } parent && person.ParentUserIdHash != parentHash)
        {
            person.ParentUserIdHash = parentHash;
            person.ParentUserIdProtected = numbers.Protect(parent);
            Changed = true;
        }

        var newPhone = change?.Kind == IdentityChangeKind.ChangedNumber ? change.NewPhone : message.FromPhone;
        var addressIsPhone = person.AddressHash is { } current && current != person.UserIdHash && current != previousHash;
        if (newPhone is not null && (change?.Kind == IdentityChangeKind.ChangedNumber || !addressIsPhone))
        {
            SetAddress(person, newPhone);
        }

        return person;
    }

    private void SetUserId(IWhatsAppIdentity person, string userId)
    {
        var hash = numbers.Hash(userId);
        if (person.UserIdHash != hash && Find(p => p.UserIdHash == hash) is null)
        {
            person.UserIdHash = hash;
            person.UserIdProtected = numbers.Protect(userId);
            Changed = true;
        }
    }

    /// <summary>Moves the person's address, unless someone else already has it (two people are never merged here).</summary>
    private void SetAddress(IWhatsAppIdentity person, string address)
    {
        var hash = numbers.Hash(address);
        if (person.AddressHash == hash || Find(p => p.AddressHash == hash) is not null)
        {
            return;
        }

        if (person.AddressHash is { } old)
        {
            moves.Add(new AddressMove(old, hash));
        }

        person.AddressHash = hash;
        person.AddressProtected = numbers.Protect(address);
        Changed = true;
    }

    /// <summary>
    /// The one matching order for anyone writing to us or about them (a message, a preference): the BSUID (stored as
    /// such or as the address of someone known only by it), then the parent BSUID, then the phone number. Takes keyed hashes.
    /// </summary>
    public static T? Match<T>(IEnumerable<T> known, string? userHash, string? parentHash, string? phoneHash)
        where T : class, IWhatsAppIdentity
    {
        var people = known as IReadOnlyCollection<T> ?? known.ToList();
        return (userHash is null ? null : people.FirstOrDefault(p => p.UserIdHash == userHash || p.AddressHash == userHash))
            ?? (parentHash is null ? null : people.FirstOrDefault(p => p.ParentUserIdHash == parentHash))
            ?? (phoneHash is null ? null : people.FirstOrDefault(p => p.AddressHash == phoneHash));
    }

    private IWhatsAppIdentity? Find(Func<IWhatsAppIdentity, bool> match) => known.FirstOrDefault(match);

    private string? Hash(string? value) => value is null ? null : numbers.Hash(value);
}
