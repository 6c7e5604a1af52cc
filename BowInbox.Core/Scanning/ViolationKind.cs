namespace BowInbox.Core.Scanning;

/// <summary>What kind of contact detail or off-platform request a scan found.</summary>
public enum ViolationKind
{
    Phone = 0,
    Email = 1,
    Link = 2,
    SocialHandle = 3,

    /// <summary>A request to pay or talk outside the platform ("pay me cash directly", "fuera de la app").</summary>
    PaymentOutside = 4,

    /// <summary>A shared WhatsApp contact card, which always carries someone's details.</summary>
    ContactCard = 5,
}
