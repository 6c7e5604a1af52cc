using Microsoft.EntityFrameworkCore;

namespace BowInbox.Data;

public static class TrackedEntities
{
    /// <summary>
    /// The first entity of type <typeparamref name="T"/> this context already tracks that matches, without a query.
    /// Unlike <c>DbSet.Local</c> it neither scans every tracked entity for changes first nor keeps a live view
    /// that follows every later change. The match sees each entity's current values, changes not yet detected included.
    /// </summary>
    public static T? FirstTracked<T>(this DbContext db, Func<T, bool> match)
        where T : class
        => Tracked(db, match).FirstOrDefault();

    private static IEnumerable<T> Tracked<T>(DbContext db, Func<T, bool> match)
        where T : class
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<T>())
            {
                if (entry.State != EntityState.Deleted && entry.State != EntityState.Detached && match(entry.Entity))
                {
                    yield return entry.Entity;
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
