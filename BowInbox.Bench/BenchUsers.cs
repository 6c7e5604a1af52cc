using BowInbox.Data.Identity;

namespace BowInbox.Bench;

/// <summary>Users the bench adds straight to the app's database: confirmed, with a fresh security stamp.</summary>
internal static class BenchUsers
{
    public static ApplicationUser New(string email, string displayName) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = displayName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
