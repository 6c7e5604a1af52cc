namespace BowInbox.Core.Routing;

/// <summary>The one line written to a ticket's timeline when it is routed.</summary>
public static class RoutingExplanation
{
    /// <summary>For example "plumbing from 'leak'; downtown from location; offered to Tom by round robin; skipped Ana: at capacity 3/3".</summary>
    public static string Describe(Qualification qualification, Selection selection) =>
        string.Join("; ", qualification.Reasons.Concat(selection.Explanation));
}
