namespace BowInbox.Core.Sla;

/// <summary>What happens when a target is breached; several may apply.</summary>
[Flags]
public enum SlaBreachAction
{
    /// <summary>Shown, never alerted: a clock whose end is handled by something else (an offer that runs out).</summary>
    None = 0,

    /// <summary>Tell the supervisors live.</summary>
    Alert = 1,

    /// <summary>Take the ticket back from the provider and offer it to the next one.</summary>
    Requeue = 2,

    /// <summary>Move the ticket to Escalated for a supervisor to handle.</summary>
    Escalate = 4,
}
