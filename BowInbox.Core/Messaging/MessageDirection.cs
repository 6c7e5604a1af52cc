namespace BowInbox.Core.Messaging;

public enum MessageDirection
{
    FromCustomer = 0,
    ToCustomer = 1,
    FromProvider = 2,
    ToProvider = 3,

    /// <summary>Staff-only note; never sent to WhatsApp.</summary>
    InternalNote = 4,
    System = 5,
}
