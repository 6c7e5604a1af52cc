namespace BowInbox.Core.Sms;

/// <summary>
/// How a text travels as SMS. A single SMS holds 160 GSM-7 characters or 70 UCS-2 ones (any character outside GSM-7
/// turns the whole message UCS-2); longer texts go as concatenated segments of 153 or 67, which the phone joins. The
/// provider segments and concatenates one API message up to <see cref="MaxMessageLength"/> characters, so BowInbox
/// splits only beyond that, into several API messages, at a line or word break where there is one.
/// </summary>
public static class SmsSegments
{
    /// <summary>The longest body the Messages API takes in one request (Twilio: 1,600 characters).</summary>
    public const int MaxMessageLength = 1600;

    // The GSM 03.38 basic set; the extension set below costs two septets each.
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>How many SMS segments the text costs (what the carrier bills).</summary>
    public static int SegmentCount(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extension.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (int)Math.Ceiling(septets / 153.0);
        }

        // UTF-16 code units: a character outside the BMP takes two, as in UCS-2 on the air.
        return text.Length <= 70 ? 1 : (int)Math.Ceiling(text.Length / 67.0);
    }

    /// <summary>The text as API messages of at most <see cref="MaxMessageLength"/> characters each, in order.</summary>
    public static IReadOnlyList<string> SplitForSending(string text)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > MaxMessageLength)
        {
            var cut = CutAt(rest);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int CutAt(string text)
    {
        var window = text[..MaxMessageLength];
        var line = window.LastIndexOf('\n');
        var space = window.LastIndexOf(' ');
        var cut = line > MaxMessageLength / 2 ? line : space > MaxMessageLength / 2 ? space : MaxMessageLength;

        // Never between the two halves of a surrogate pair.
        return char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
    }
}
