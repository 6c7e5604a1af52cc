using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Audit;

/// <summary>Makes the app's SQLite audit store refuse every append, and lets it accept them again.</summary>
internal static class AuditOutage
{
    public static async Task DownAsync(InboxAppFactory app)
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_down BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit store down'); END;");
    }

    public static async Task UpAsync(InboxAppFactory app)
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_down;");
    }
}
