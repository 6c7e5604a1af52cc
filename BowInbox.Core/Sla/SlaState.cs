namespace BowInbox.Core.Sla;

public enum SlaState
{
    Ok = 0,
    Warning = 1,
    Breached = 2,
}
