using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Channel;

/// <summary>Stored values longer than their column allows, which only a server database would refuse.</summary>
internal static class StoredColumns
{
    public static async Task<List<string>> TooLongAsync(InboxDbContext db)
    {
        var found = new List<string>();
        await CheckAsync(db, db.Messages, found);
        await CheckAsync(db, db.Contacts, found);
        await CheckAsync(db, db.Tickets, found);
        await CheckAsync(db, db.TicketEvents, found);
        await CheckAsync(db, db.StatusEvents, found);
        await CheckAsync(db, db.UnroutedMessages, found);
        await CheckAsync(db, db.ConversationWindows, found);
        return found;
    }

    private static async Task CheckAsync<T>(InboxDbContext db, DbSet<T> rows, List<string> found)
        where T : class
    {
        var limited = db.Model.FindEntityType(typeof(T))!.GetProperties()
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null && p.PropertyInfo is not null)
            .ToList();
        foreach (var row in await rows.AsNoTracking().ToListAsync())
        {
            foreach (var property in limited)
            {
                if (property.PropertyInfo!.GetValue(row) is string value && value.Length > property.GetMaxLength())
                {
                    found.Add($"{typeof(T).Name}.{property.Name}: {value.Length} > {property.GetMaxLength()}");
                }
            }
        }
    }
}
