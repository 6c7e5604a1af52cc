using BowInbox.Core.Scanning;

namespace BowInbox.Web.Relay;

/// <summary>How people read each kind of content-policy hit, on the policy page and in alerts.</summary>
public static class ViolationLabels
{
    public static string Of(ViolationKind kind) => kind switch
    {
        ViolationKind.Phone => "Phone numbers",
        ViolationKind.Email => "Email addresses",
        ViolationKind.Link => "Links and domains",
        ViolationKind.SocialHandle => "Social handles",
        ViolationKind.PaymentOutside => "Payment outside the platform",
        ViolationKind.OffPlatformInvite => "Invitations to move to another app",
        ViolationKind.ContactRequest => "Requests for the other side's number or email",
        _ => "Contact cards",
    };
}
