using Microsoft.AspNetCore.Identity;

namespace BowInbox.Data.Identity;

public class ApplicationUser : IdentityUser
{
    /// <summary>The name colleagues see, e.g. "Tom Baker".</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>A supervisor's own WhatsApp number (keyed hash) for commands such as /audit_session.</summary>
    public string? WhatsAppHash { get; set; }

    public string? WhatsAppProtected { get; set; }
}
