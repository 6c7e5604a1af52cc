using System.Collections.Concurrent;

namespace BowInbox.Data;

/// <summary>
/// An EF Core compiled query keeps the SQL of the first database it ran against. One process may talk to more than
/// one kind of database (the test suite does; so could a migration tool), so each provider's derived context type
/// gets its own compiled copy of the query.
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> compiled = new();

    public TQuery For(InboxDbContext db) => compiled.GetOrAdd(db.GetType(), _ => compile());
}
