using System.Text.Json.Nodes;

namespace BowInbox.Web.WhatsApp;

/// <summary>A template's category as approved in the Meta account; it sets the price and who may receive it.</summary>
public enum TemplateCategory
{
    Utility = 0,
    Marketing = 1,
    Authentication = 2,
}

/// <summary>Finds the category of a stored template payload from <see cref="MessageTemplates.All"/>.</summary>
public static class TemplateCategories
{
    private static readonly Dictionary<string, TemplateCategory> ByName = MessageTemplates.All.ToDictionary(t => t.Name, t => t.Category, StringComparer.Ordinal);

    /// <summary>
    /// The category of the template a payload sends; a template BowInbox does not declare is taken for Marketing, so a
    /// customer who stopped marketing messages never gets one whose category nobody checked.
    /// </summary>
    public static TemplateCategory OfPayload(string payloadJson)
    {
        var name = (JsonNode.Parse(payloadJson) as JsonObject)?["template"]?["name"]?.GetValue<string>();
        return name is not null && ByName.TryGetValue(name, out var category) ? category : TemplateCategory.Marketing;
    }
}
