using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>Turns a WhatsApp webhook body into the flat list of messages and statuses it carries.</summary>
public static class WebhookPayloadParser
{
    private const string BusinessAccountObject = "whatsapp_business_account";

    /// <summary>Only "messages" changes carry messages and statuses; "user_preferences" are read too, other fields (account updates...) are ignored.</summary>
    private const string MessagesField = "messages";

    /// <summary>A customer stopped or resumed marketing messages.</summary>
    private const string UserPreferencesField = "user_preferences";

    public static WebhookParseResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return WebhookParseResult.Failure("The webhook body is empty; expected a JSON object from WhatsApp.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(JsonUtf16Repair.Repair(json));
        }
        catch (JsonException e)
        {
            return WebhookParseResult.Failure($"The webhook body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            try
            {
                return WebhookParseResult.Success(ReadWebhook(document.RootElement));
            }
            catch (MalformedWebhookException e)
            {
                return WebhookParseResult.Failure(e.Message);
            }
        }
    }

    private static ParsedWebhook ReadWebhook(JsonElement root)
    {
        root.RequireObject("The webhook body");
        var kind = root.OptionalString("object");
        if (kind != BusinessAccountObject)
        {
            throw new MalformedWebhookException(kind is null
                ? $"The webhook has no \"object\"; expected \"{BusinessAccountObject}\"."
                : $"The webhook is for \"{kind}\", not \"{BusinessAccountObject}\"; "
                    + "check which product the app is subscribed to.");
        }

        List<InboundMessage> messages = [];
        List<InboundStatus> statuses = [];
        List<UserPreference> preferences = [];
        var entries = root.RequiredArray("entry", "The webhook");
        foreach (var (entry, entryIndex) in entries.EnumerateArray().Select((e, i) => (e, i)))
        {
            var entryPath = $"entry[{entryIndex}]";
            entry.RequireObject(entryPath);
            var changes = entry.RequiredArray("changes", entryPath);
            foreach (var (change, changeIndex) in changes.EnumerateArray().Select((c, i) => (c, i)))
            {
                var changePath = $"{entryPath}.changes[{changeIndex}]";
                change.RequireObject(changePath);
                if (change.OptionalString("field") == MessagesField)
                {
                    ReadChangeValue(change.RequiredObject("value", changePath), $"{changePath}.value", messages, statuses);
                }
                else if (change.OptionalString("field") == UserPreferencesField)
                {
                    ReadPreferences(change.RequiredObject("value", changePath), $"{changePath}.value", preferences);
                }
            }
        }

        return new ParsedWebhook(messages, statuses) { Preferences = preferences };
    }

    private static void ReadPreferences(JsonElement value, string path, List<UserPreference> preferences)
    {
        var phoneNumberId = value.RequiredObject("metadata", path)
            .RequiredString("phone_number_id", $"{path}.metadata", WhatsAppLimits.MaxPhoneNumberIdLength);
        var profiles = SenderProfiles.Read(value);
        foreach (var (preference, index) in value.OptionalArray("user_preferences").Select((p, i) => (p, i)))
        {
            preferences.Add(UserPreferenceReader.Read(preference, $"{path}.user_preferences[{index}]", phoneNumberId, profiles));
        }
    }

    private static void ReadChangeValue(
        JsonElement value, string path, List<InboundMessage> messages, List<InboundStatus> statuses)
    {
        var phoneNumberId = value.RequiredObject("metadata", path)
            .RequiredString("phone_number_id", $"{path}.metadata", WhatsAppLimits.MaxPhoneNumberIdLength);
        var profiles = SenderProfiles.Read(value);

        foreach (var (message, index) in value.OptionalArray("messages").Select((m, i) => (m, i)))
        {
            messages.Add(InboundMessageReader.Read(message, $"{path}.messages[{index}]", phoneNumberId, profiles));
        }

        foreach (var (status, index) in value.OptionalArray("statuses").Select((s, i) => (s, i)))
        {
            if (InboundStatusReader.Read(status, $"{path}.statuses[{index}]", phoneNumberId) is { } parsed)
            {
                statuses.Add(parsed);
            }
        }
    }
}
