using System.Runtime.CompilerServices;
using BowInbox.Data;
using BowInbox.Web.Live;

namespace BowInbox.Web.Relay;

/// <summary>
/// Live changes a command handler causes, held with its unit of work until the inbound transaction commits;
/// the relay then publishes them with its own (a change published before the commit could show what a
/// rollback undoes).
/// </summary>
public static class PendingChanges
{
    private static readonly ConditionalWeakTable<InboxDbContext, List<InboxChange>> Held = [];

    public static void Add(InboxDbContext db, InboxChange change)
    {
        var list = Held.GetOrCreateValue(db);
        lock (list)
        {
            list.Add(change);
        }
    }

    public static void MoveTo(InboxDbContext db, List<InboxChange> changes)
    {
        if (Held.TryGetValue(db, out var list))
        {
            lock (list)
            {
                changes.AddRange(list);
                list.Clear();
            }
        }
    }
}
