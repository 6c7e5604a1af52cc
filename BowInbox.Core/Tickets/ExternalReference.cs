namespace BowInbox.Core.Tickets;

/// <summary>
/// An id the marketplace knows a ticket by (a booking, order, policy or transaction), with its kind. A ticket can have
/// several; one reference can own several tickets and relay sessions over time.
/// </summary>
public class ExternalReference
{
    public const int MaxKindLength = 32;
    public const int MaxValueLength = 128;

    public long Id { get; set; }

    public int TicketId { get; set; }

    /// <summary>Lower-case letters, digits, dashes or underscores: <c>booking</c>, <c>order</c>, <c>policy</c>, ...</summary>
    public string Kind { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public override string ToString() => $"{Kind} {Value}";

    /// <summary>Null when the pair is acceptable, else what is wrong with it, in words a developer can act on.</summary>
    public static string? Problem(string? kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(kind) || kind.Length > MaxKindLength || !kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            return $"The kind is 1 to {MaxKindLength} lower-case letters, digits, dashes or underscores, e.g. booking.";
        }

        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxValueLength)
        {
            return $"The id is 1 to {MaxValueLength} characters.";
        }

        // A reference is shown to staff and sent in events: a phone number or email as an id would leak it.
        return Audit.NumberMask.Mask(value) != value ? "The id must not be a phone number or an email address." : null;
    }
}
