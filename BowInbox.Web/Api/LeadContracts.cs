using System.ComponentModel;

namespace BowInbox.Web.Api;

/// <summary>A lead from the marketplace's web form or app.</summary>
/// <param name="WhatsApp">The customer's WhatsApp number with its country code (+1 555 010 0001), or their BSUID (US.1349...). Stored protected; never shown back.</param>
/// <param name="Name">The customer's name; the inbox shows the first name beside the alias.</param>
/// <param name="Text">What the customer asked for, in their words (up to 4,096 characters).</param>
/// <param name="Service">The service, when the form asked (e.g. plumbing); otherwise intake finds it in the text.</param>
/// <param name="Area">The area, when the form asked; otherwise intake finds it in the text.</param>
/// <param name="Urgency">Normal (the default) or Urgent.</param>
/// <param name="ExternalReference">The booking, order, policy or transaction this lead belongs to.</param>
public sealed record LeadBody(
    [property: Description("WhatsApp number with country code, or BSUID")] string? WhatsApp,
    string? Name,
    string? Text,
    string? Service,
    string? Area,
    [property: Description("Normal or Urgent")] string? Urgency,
    ExternalReferenceBody? ExternalReference);

/// <summary>The ticket the lead became, and whether the first WhatsApp message is queued.</summary>
/// <param name="ConversationStarted">False when no central number is configured: the ticket exists, nobody was written to.</param>
public sealed record LeadCreated(int TicketId, bool ConversationStarted, TicketView Ticket);
