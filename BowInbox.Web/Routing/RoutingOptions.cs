namespace BowInbox.Web.Routing;

/// <summary>Configuration section <c>Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>
    /// Acknowledge, qualify and route customer messages automatically (default). Off, every lead waits for an
    /// intake agent to qualify and route it, and nothing is sent to customers without a person.
    /// </summary>
    public bool AutomaticIntake { get; set; } = true;
}
