using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.Inbox;

/// <summary>A WhatsApp message template approved in the Meta account; the only thing that may go out after the 24-hour window.</summary>
public sealed record ApprovedTemplate(string Name, string Language, string Label, string BodyPattern)
{
    /// <summary>The text the customer sees, for the thread.</summary>
    public string Render(IReadOnlyList<string> parameters)
    {
        var text = BodyPattern;
        for (var i = 0; i < parameters.Count; i++)
        {
            text = text.Replace("{{" + (i + 1) + "}}", parameters[i], StringComparison.Ordinal);
        }

        return text;
    }

    public string Payload(IReadOnlyList<string> parameters) => OutboundPayloads.Template(Name, Language, parameters);
}

/// <summary>The templates agents may send to customers when the window is closed.</summary>
public sealed class ApprovedTemplates
{
    public IReadOnlyList<ApprovedTemplate> ForCustomers { get; } =
    [
        new("request_follow_up", "en", "Follow up on the request", "Hi {{1}}, this is the team following up on your request #{{2}}. Reply to this message to continue."),
        new("visit_reminder", "en", "Remind about the visit", "Hi {{1}}, a reminder about your request #{{2}}: reply here if anything changed."),
    ];

    public ApprovedTemplate? Find(string name) => ForCustomers.FirstOrDefault(t => t.Name == name);
}
