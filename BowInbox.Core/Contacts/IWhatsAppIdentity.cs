namespace BowInbox.Core.Contacts;

/// <summary>
/// Someone known on WhatsApp by a phone number, a business-scoped user id (BSUID), or both: a customer or a provider.
/// Every value is a keyed hash (to find them) or encrypted (to send to them); none is ever shown.
/// </summary>
public interface IWhatsAppIdentity
{
    /// <summary>Hash of the address sends go to: the phone when known, else the BSUID.</summary>
    string? AddressHash { get; set; }

    string? AddressProtected { get; set; }

    string? UserIdHash { get; set; }

    string? UserIdProtected { get; set; }

    string? ParentUserIdHash { get; set; }

    string? ParentUserIdProtected { get; set; }
}
