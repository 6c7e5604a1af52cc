namespace BowInbox.Core.Scanning;

/// <summary>What kind of contact detail or off-platform request a scan found.</summary>
public enum ViolationKind
{
    Phone = 0,
    Email = 1,
    Link = 2,
    SocialHandle = 3,

    /// <summary>Payment arranged outside the platform ("pay me by Venmo", "PIX", "cash and skip the fee", an IBAN).</summary>
    PaymentOutside = 4,

    /// <summary>A shared WhatsApp contact card, which always carries someone's details.</summary>
    ContactCard = 5,

    /// <summary>An invitation to move the conversation to another app or channel ("let's continue on Signal").</summary>
    OffPlatformInvite = 6,

    /// <summary>A request for the other side's number or email ("give me your real number").</summary>
    ContactRequest = 7,
}
