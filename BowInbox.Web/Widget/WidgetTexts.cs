namespace BowInbox.Web.Widget;

/// <summary>The panel's labels in the widget's language (English where a language has none).</summary>
public static class WidgetTexts
{
    private static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["open"] = "Open chat",
        ["close"] = "Close chat",
        ["title"] = "Chat with us",
        ["conversation"] = "Conversation",
        ["message"] = "Your message",
        ["placeholder"] = "Write a message",
        ["send"] = "Send",
        ["you"] = "You",
        ["team"] = "Team",
        ["empty"] = "Write a message first.",
        ["failed"] = "Your message could not be sent. Try again.",
        ["whatsapp"] = "Continue on WhatsApp",
        ["consent"] = "By continuing you agree that we answer you on WhatsApp about this request. Send the prefilled message to carry this conversation over.",
        ["openWhatsapp"] = "Open WhatsApp",
        ["code"] = "Your code:",
        ["moved"] = "This conversation continues on WhatsApp.",
        ["email"] = "Email me when you reply",
        ["save"] = "Save email",
        ["saved"] = "Thanks, we will email you when we reply.",
    };

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["de"] = new Dictionary<string, string>
        {
            ["open"] = "Chat öffnen",
            ["close"] = "Chat schließen",
            ["title"] = "Schreiben Sie uns",
            ["conversation"] = "Unterhaltung",
            ["message"] = "Ihre Nachricht",
            ["placeholder"] = "Nachricht schreiben",
            ["send"] = "Senden",
            ["you"] = "Sie",
            ["team"] = "Team",
            ["empty"] = "Schreiben Sie zuerst eine Nachricht.",
            ["failed"] = "Die Nachricht konnte nicht gesendet werden. Bitte erneut versuchen.",
            ["whatsapp"] = "Auf WhatsApp weiterschreiben",
            ["consent"] = "Wenn Sie fortfahren, antworten wir Ihnen zu dieser Anfrage auf WhatsApp. Senden Sie die vorausgefüllte Nachricht, um das Gespräch mitzunehmen.",
            ["openWhatsapp"] = "WhatsApp öffnen",
            ["code"] = "Ihr Code:",
            ["moved"] = "Dieses Gespräch geht auf WhatsApp weiter.",
            ["email"] = "Per E-Mail benachrichtigen",
            ["save"] = "E-Mail speichern",
            ["saved"] = "Danke, wir schreiben Ihnen, sobald wir antworten.",
        },
    };

    public static IReadOnlyDictionary<string, string> For(string? language)
        => language is not null && Translations.TryGetValue(language, out var texts)
            ? English.ToDictionary(e => e.Key, e => texts.GetValueOrDefault(e.Key, e.Value))
            : English;
}
