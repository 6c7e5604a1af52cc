using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Webhooks;

/// <summary>Wakes the dispatcher when an Admin queues a test or a redelivery; it polls for everything else.</summary>
public sealed class WebhookSignal : WorkSignal;
