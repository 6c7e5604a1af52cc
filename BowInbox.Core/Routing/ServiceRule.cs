namespace BowInbox.Core.Routing;

/// <summary>A service type such as "plumbing" and the words a customer uses for it.</summary>
public sealed record ServiceRule(string Name, IReadOnlyList<string> Keywords);
