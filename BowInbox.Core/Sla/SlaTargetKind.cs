namespace BowInbox.Core.Sla;

public enum SlaTargetKind
{
    /// <summary>From the customer's first message to the first human reply to the customer.</summary>
    FirstResponse = 0,

    /// <summary>From an offer to a provider to its acceptance.</summary>
    OfferAcceptance = 1,

    /// <summary>From acceptance to the provider's first message to the customer.</summary>
    ProviderFirstContact = 2,

    /// <summary>From the moment the customer starts waiting to the next reply; runs only while they wait.</summary>
    NextResponse = 3,

    /// <summary>From the customer's first message to resolution.</summary>
    Resolution = 4,

    /// <summary>From acceptance to the provider confirming an arrival window (<c>/eta</c>): home-services dispatch.</summary>
    ArrivalWindow = 5,
}
