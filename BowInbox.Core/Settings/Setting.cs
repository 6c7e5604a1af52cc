namespace BowInbox.Core.Settings;

/// <summary>An Admin-editable setting stored as JSON under a key (routing rules, content policy, relay time-to-live...).</summary>
public class Setting
{
    public string Key { get; set; } = "";

    public string Json { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
