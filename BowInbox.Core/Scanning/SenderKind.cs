namespace BowInbox.Core.Scanning;

public enum SenderKind
{
    Customer = 0,
    Provider = 1,
}
