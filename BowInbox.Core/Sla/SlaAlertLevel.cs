namespace BowInbox.Core.Sla;

public enum SlaAlertLevel
{
    Warning = 0,
    Breach = 1,
}
