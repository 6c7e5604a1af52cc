namespace BowInbox.Core.WhatsApp;

/// <summary>What kind of identity change a WhatsApp system message reports.</summary>
public enum IdentityChangeKind
{
    /// <summary><c>user_changed_number</c>: the user moved to a new phone number.</summary>
    ChangedNumber = 0,

    /// <summary><c>user_changed_user_id</c>: the user has a new BSUID (a new one comes with a new number).</summary>
    ChangedUserId = 1,
}

/// <summary>
/// A system message re-keying a user: the contact stays one contact (tickets, sessions, history) under the new key.
/// <see cref="NewPhone"/> and <see cref="NewUserId"/> are identifiers: never shown, stored only protected.
/// </summary>
public sealed record InboundIdentityChange(IdentityChangeKind Kind, string? NewPhone, string? NewUserId, string? PreviousUserId)
{
    /// <summary>What the timeline says, without any identifier.</summary>
    public string Description => DescribeFor("customer");

    /// <summary>The same words about someone else (<c>technician</c>): still without any identifier.</summary>
    public string DescribeFor(string who) => Kind == IdentityChangeKind.ChangedNumber
        ? $"The {who} changed their WhatsApp number"
        : $"The {who}'s WhatsApp user id changed";
}
