using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static BowInbox.Core.WhatsApp.OutboundPayloadRules;
using static BowInbox.Core.WhatsApp.WhatsAppLimits;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// Graph API request bodies for <c>POST /{phone_number_id}/messages</c>, built without <c>to</c>: the outbox
/// stores them that way and adds the recipient at send time with <see cref="WithRecipient"/>.
/// Arguments that WhatsApp would reject throw <see cref="ArgumentException"/>: validate user input first.
/// </summary>
public static partial class OutboundPayloads
{
    public static string Text(string body, bool previewUrl = false)
    {
        RequireLength(body, MaxTextLength, "text", nameof(body));
        return Message("text", new JsonObject { ["preview_url"] = previewUrl, ["body"] = body }, individual: true);
    }

    public static string ReplyButtons(string bodyText, IReadOnlyList<ReplyButton> buttons)
    {
        RequireLength(bodyText, MaxInteractiveBodyLength, "body text", nameof(bodyText));
        RequireCount(buttons.Count, MaxReplyButtons, "reply buttons", nameof(buttons));
        foreach (var button in buttons)
        {
            RequireLength(button.Id, MaxReplyButtonIdLength, "button id", nameof(buttons));
            RequireLength(button.Title, MaxReplyButtonTitleLength, "button title", nameof(buttons));
        }

        RequireUnique(buttons.Select(b => b.Id), "button ids", nameof(buttons));
        RequireUnique(buttons.Select(b => b.Title), "button titles", nameof(buttons));

        var replies = buttons.Select(b => new JsonObject
        {
            ["type"] = "reply",
            ["reply"] = new JsonObject { ["id"] = b.Id, ["title"] = b.Title },
        });
        return Interactive("button", bodyText, new JsonObject { ["buttons"] = new JsonArray([.. replies]) });
    }

    /// <summary>
    /// A location request: the body text with WhatsApp's own "Send location" button, which opens the customer's
    /// location picker and sends back an ordinary <c>location</c> message.
    /// </summary>
    public static string LocationRequest(string bodyText)
    {
        RequireLength(bodyText, MaxInteractiveBodyLength, "body text", nameof(bodyText));
        return Interactive("location_request_message", bodyText, new JsonObject { ["name"] = "send_location" });
    }

    public static string List(string bodyText, string buttonText, IReadOnlyList<ListSection> sections)
    {
        RequireLength(bodyText, MaxInteractiveBodyLength, "body text", nameof(bodyText));
        RequireLength(buttonText, MaxListButtonTextLength, "list button text", nameof(buttonText));
        RequireCount(sections.Count, MaxListSections, "list sections", nameof(sections));
        var rows = sections.SelectMany(s => s.Rows).ToList();
        RequireCount(rows.Count, MaxListRows, "list rows", nameof(sections));
        RequireUnique(rows.Select(r => r.Id), "list row ids", nameof(sections));
        foreach (var row in rows)
        {
            RequireLength(row.Id, MaxListRowIdLength, "row id", nameof(sections));
            RequireLength(row.Title, MaxListRowTitleLength, "row title", nameof(sections));
            if (row.Description is not null)
            {
                RequireLength(row.Description, MaxListRowDescriptionLength, "row description", nameof(sections));
            }
        }

        foreach (var section in sections.Where(s => s.Title is not null || sections.Count > 1))
        {
            RequireLength(section.Title, MaxListSectionTitleLength, "section title", nameof(sections));
        }

        var sectionNodes = sections.Select(section =>
        {
            var node = new JsonObject();
            if (section.Title is not null)
            {
                node["title"] = section.Title;
            }

            node["rows"] = new JsonArray([.. section.Rows.Select(RowNode)]);
            return node;
        });
        return Interactive(
            "list", bodyText, new JsonObject { ["button"] = buttonText, ["sections"] = new JsonArray([.. sectionNodes]) });
    }

    /// <summary>An approved template; the only kind of message that goes through outside the 24-hour window.</summary>
    /// <param name="quickReplyPayloads">One payload per quick-reply button, in button order; it comes back as
    /// <see cref="InboundMessage.ReplyId"/> of a <c>button</c> message.</param>
    public static string Template(
        string name,
        string languageCode,
        IReadOnlyList<string>? bodyParameters = null,
        IReadOnlyList<string>? quickReplyPayloads = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(languageCode);
        var components = new JsonArray();
        if (bodyParameters is { Count: > 0 })
        {
            var parameters = bodyParameters.Select(p => new JsonObject
            {
                ["type"] = "text",
                ["text"] = TemplateParameterText(p),
            });
            components.Add(new JsonObject { ["type"] = "body", ["parameters"] = new JsonArray([.. parameters]) });
        }

        foreach (var (payload, index) in (quickReplyPayloads ?? []).Select((p, i) => (p, i)))
        {
            ArgumentException.ThrowIfNullOrEmpty(payload, nameof(quickReplyPayloads));
            components.Add(new JsonObject
            {
                ["type"] = "button",
                ["sub_type"] = "quick_reply",
                ["index"] = index.ToString(CultureInfo.InvariantCulture),
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "payload", ["payload"] = payload }),
            });
        }

        var template = new JsonObject { ["name"] = name, ["language"] = new JsonObject { ["code"] = languageCode } };
        if (components.Count > 0)
        {
            template["components"] = components;
        }

        return Message("template", template, individual: false);
    }

    /// <summary>Marks an inbound message (and everything before it) read; it has no recipient.</summary>
    public static string MarkAsRead(string wamid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wamid);
        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = wamid,
        }.ToJsonString();
    }

    /// <summary>Adds <c>to</c> to a stored payload; a mark-as-read payload is returned as it is.</summary>
    /// <summary>
    /// Adds the recipient: a phone number goes in <c>to</c>; a business-scoped user id in <c>recipient</c> (a BSUID in
    /// <c>to</c> is dropped by Meta). Callers pass the phone whenever it is known, as Meta advises.
    /// </summary>
    public static string WithRecipient(string payloadJson, string to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (JsonNode.Parse(payloadJson) is not JsonObject payload)
        {
            throw new ArgumentException("The payload must be a JSON object.", nameof(payloadJson));
        }

        if (payload.ContainsKey("to") || payload.ContainsKey("recipient"))
        {
            throw new ArgumentException("The payload already has a recipient.", nameof(payloadJson));
        }

        if (payload["status"] is not null && payload["type"] is null)
        {
            return payloadJson;
        }

        var after = Math.Max(payload.IndexOf("recipient_type"), payload.IndexOf("messaging_product"));
        payload.Insert(after + 1, BusinessScopedUserId.IsOne(to) ? "recipient" : "to", BusinessScopedUserId.IsOne(to) ? BusinessScopedUserId.Normalize(to) : to);
        return payload.ToJsonString();
    }

    private static string Message(string type, JsonObject content, bool individual)
    {
        var message = new JsonObject { ["messaging_product"] = "whatsapp" };
        if (individual)
        {
            message["recipient_type"] = "individual";
        }

        message["type"] = type;
        message[type] = content;
        return message.ToJsonString();
    }

    private static string Interactive(string kind, string bodyText, JsonObject action)
        => Message(
            "interactive",
            new JsonObject
            {
                ["type"] = kind,
                ["body"] = new JsonObject { ["text"] = bodyText },
                ["action"] = action,
            },
            individual: true);

    private static JsonObject RowNode(ListRow row)
    {
        var node = new JsonObject { ["id"] = row.Id, ["title"] = row.Title };
        if (row.Description is not null)
        {
            node["description"] = row.Description;
        }

        return node;
    }

    // WhatsApp rejects template parameters with newlines, tabs or more than four consecutive spaces.
    private static string TemplateParameterText(string parameter)
    {
        var text = Whitespace().Replace(parameter, " ").Trim();
        ArgumentException.ThrowIfNullOrEmpty(text, "bodyParameters");
        return text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
