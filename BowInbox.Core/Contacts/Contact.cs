namespace BowInbox.Core.Contacts;

/// <summary>A customer who writes to the central number. The real number is only ever stored protected.</summary>
public class Contact
{
    public int Id { get; set; }

    /// <summary>Keyed hash of the wa_id: finds the contact without decrypting anything.</summary>
    public string WaIdHash { get; set; } = "";

    /// <summary>The wa_id encrypted at rest; only the outbox and an audited reveal unprotect it.</summary>
    public string WaIdProtected { get; set; } = "";

    public string? ProfileName { get; set; }

    /// <summary>Stable, number-free handle shown to staff and providers, e.g. <c>C-4F7K2</c>.</summary>
    public string Alias { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When repeated violations paused the customer: their messages are held, not relayed, until a supervisor lifts it.</summary>
    public DateTime? PausedAt { get; set; }

    /// <summary>Why the customer is paused, in words for staff (never a number or the offending text).</summary>
    public string? PauseReason { get; set; }

    public bool IsPaused => PausedAt is not null;

    /// <summary>When the customer asked WhatsApp to stop marketing messages; null when they did not (or resumed). No marketing template goes to them meanwhile.</summary>
    public DateTime? MarketingStoppedAt { get; set; }

    /// <summary>When their latest marketing preference (stop or resume) was made: an older one arriving late changes nothing.</summary>
    public DateTime? MarketingPreferenceAt { get; set; }

    public string FirstName => PersonName.FirstName(ProfileName) ?? Alias;
}
