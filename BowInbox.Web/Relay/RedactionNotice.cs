using BowInbox.Core.Scanning;

namespace BowInbox.Web.Relay;

/// <summary>What a sender is told when his message went out with something removed ("Sent, with a phone number removed").</summary>
public static class RedactionNotice
{
    public static string Sent(IReadOnlyCollection<ViolationKind> removed)
    {
        if (removed.Count == 0)
        {
            return "Sent to the customer.";
        }

        var names = removed.Distinct().Order().Select(Name).ToList();
        var list = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
        return $"Sent, with {list} removed.";
    }

    private static string Name(ViolationKind kind) => kind switch
    {
        ViolationKind.Phone => "a phone number",
        ViolationKind.Email => "an email address",
        ViolationKind.Link => "a link",
        ViolationKind.SocialHandle => "a social media handle",
        ViolationKind.ContactCard => "a contact card",
        ViolationKind.PaymentOutside => "a payment arrangement",
        ViolationKind.OffPlatformInvite => "an invitation to another app",
        _ => "a request for contact details",
    };
}
