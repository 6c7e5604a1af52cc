namespace BowInbox.Core.Api;

/// <summary>What an API key may do. A request needs the scope its endpoint names; nothing implies another scope.</summary>
public static class ApiScopes
{
    /// <summary>List and read tickets and transcripts.</summary>
    public const string Read = "read";

    /// <summary>Create leads; change a ticket's status, assign it, add internal notes.</summary>
    public const string Write = "write";

    /// <summary>Open, close and list relay sessions for confirmed bookings.</summary>
    public const string Sessions = "sessions";

    /// <summary>Manage outgoing webhooks.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Report booking figures (leads booked, sessions paid) for the leakage baseline on the ROI page.</summary>
    public const string Metrics = "metrics";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Sessions, Webhooks, Metrics];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
