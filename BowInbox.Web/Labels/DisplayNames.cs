using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Web.Relay;
using BowInbox.Web.Sla;

namespace BowInbox.Web.Labels;

/// <summary>
/// The one place pages, charts and transcripts turn a domain enum into words people read: never
/// <c>PaymentOutside</c> or <c>FromCustomer</c> on a screen. Violation kinds and SLA targets keep their
/// wording where their features already define it, so every page reads them the same way.
/// </summary>
public static class DisplayNames
{
    public static string Of(ViolationKind kind) => ViolationLabels.Of(kind);

    public static string Of(SlaTargetKind kind) => SlaLabels.Target(kind);

    public static string Of(SlaAlertLevel level) => SlaLabels.Level(level);

    public static string Of(MessageDirection direction) => direction switch
    {
        MessageDirection.FromCustomer => "Customer → us",
        MessageDirection.ToCustomer => "Us → customer",
        MessageDirection.FromProvider => "Technician → us",
        MessageDirection.ToProvider => "Us → technician",
        MessageDirection.InternalNote => "Internal note",
        _ => "System",
    };

    public static string Of(PolicyAction action) => action switch
    {
        PolicyAction.Redact => "Removed",
        PolicyAction.Block => "Blocked",
        _ => "Flagged, sent unchanged",
    };

    public static string Of(SelectionStrategy strategy) => strategy switch
    {
        SelectionStrategy.RoundRobin => "Take turns",
        SelectionStrategy.LeastBusy => "Fewest open jobs first",
        _ => "Best acceptance rate first",
    };

    public static string Of(SenderKind sender) => sender == SenderKind.Customer ? "Customer" : "Technician";
}
