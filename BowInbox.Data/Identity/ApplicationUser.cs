using Microsoft.AspNetCore.Identity;

namespace BowInbox.Data.Identity;

public class ApplicationUser : IdentityUser
{
    /// <summary>The name colleagues see, e.g. "Tom Baker".</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";
}
