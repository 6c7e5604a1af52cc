using BowInbox.Web.Alerts;

namespace BowInbox.Web.Sla;

/// <summary>A circuit's view of SLA alerts: only Supervisors and Admins get anything through.</summary>
public sealed class SlaAlertFeed(SlaAlertNotifier notifier) : AlertFeed<SlaAlertEvent>(notifier);
