namespace BowInbox.Core.Routing;

/// <summary>
/// Who gets the offer (null when nobody is eligible), the round-robin cursor to store on the group, and why:
/// the outcome first, then one line per provider passed over.
/// </summary>
public sealed record Selection(int? ProviderId, int NewCursor, IReadOnlyList<string> Explanation);
