namespace BowInbox.Web.Widget;

/// <summary>The <c>Widget</c> configuration section: how much one visitor or one address may ask of the widget's endpoints.</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>Requests per minute with one visitor token (the panel polls every few seconds while open).</summary>
    public int RequestsPerVisitorPerMinute { get; set; } = 60;

    /// <summary>Requests per minute from one address (several visitors may share one, e.g. an office).</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 300;

    /// <summary>How often the open panel asks for new messages.</summary>
    public int PollSeconds { get; set; } = 3;
}
