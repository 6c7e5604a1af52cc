using System.ComponentModel.DataAnnotations;

namespace BowInbox.Web.Privacy;

/// <summary>The <c>Privacy</c> configuration section: how long raw data that names a party is kept.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Days a webhook event is kept after it was processed (or parked after failing), then deleted. The event is
    /// encrypted meanwhile; what the inbox needs of it is in its own tables by then.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Setting 'Privacy:InboundEventRetentionDays' must be a whole number of days from 1 to 3650.")]
    public int InboundEventRetentionDays { get; set; } = 7;
}
