namespace BowInbox.Core.Sms;

/// <summary>
/// A phone that texted STOP (or UNSUBSCRIBE, CANCEL, END, QUIT): no SMS goes to it until it texts START. Carriers require
/// it. Only the keyed hash of the number is kept: the row finds the number, it never gives it back.
/// </summary>
public class SmsOptOut
{
    public long Id { get; set; }

    /// <summary>Keyed hash of the phone, as contacts and outbox rows key it.</summary>
    public string NumberHash { get; set; } = "";

    public DateTime StoppedAt { get; set; }
}
