using BowInbox.Web.WhatsApp;

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

    public string Payload(IReadOnlyList<string> parameters) => MessageTemplates.All.Single(t => t.Name == Name).Payload(parameters);
}

/// <summary>The templates agents may send to customers when the window is closed.</summary>
public sealed class ApprovedTemplates
{
    public IReadOnlyList<ApprovedTemplate> ForCustomers { get; } =
    [
        From(MessageTemplates.RequestFollowUp, "Follow up on the request"),
        From(MessageTemplates.VisitReminder, "Remind about the visit"),
    ];

    private static ApprovedTemplate From(MessageTemplate template, string label) => new(template.Name, template.Language, label, template.Body);

    public ApprovedTemplate? Find(string name) => ForCustomers.FirstOrDefault(t => t.Name == name);
}
