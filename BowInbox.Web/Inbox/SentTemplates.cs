using System.Text.Json.Nodes;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Inbox;

/// <summary>A message that went out as an approved template: its name and the text WhatsApp showed, filled in.</summary>
public sealed record SentTemplate(string Name, string Text);

/// <summary>Reads what a template send really said from its outbox payload, which is what went to WhatsApp.</summary>
public static class SentTemplates
{
    /// <summary>The template and its rendered text; null when the payload is not one of our templates.</summary>
    public static SentTemplate? Read(string payloadJson)
    {
        var template = JsonNode.Parse(payloadJson)?["template"];
        var name = template?["name"]?.GetValue<string>();
        var known = MessageTemplates.All.FirstOrDefault(t => t.Name == name);
        if (template is null || known is null)
        {
            return null;
        }

        var parameters = (template["components"] as JsonArray ?? [])
            .Where(c => c?["type"]?.GetValue<string>() == "body")
            .SelectMany(c => c!["parameters"] as JsonArray ?? [])
            .Select(p => p?["text"]?.GetValue<string>() ?? "")
            .ToList();
        return parameters.Count == known.Parameters.Count ? new SentTemplate(known.Name, known.Text(parameters)) : null;
    }
}
