using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Finds social handles (@juanfixes, $juancash) and invitations to another app: "find me on
/// Instagram", "my IG is juan_fixes", "I'm on Telegram", "búscame en Instagram", "escríbeme por Telegram".
/// The handle after an invitation is part of the finding, so redacting it removes the name too.
/// </summary>
internal static partial class HandleFinder
{
    private const string Platforms = "instagram|insta|ig|telegram|telegrama|t[ée]l[ée]gram(?:me)?|tg|signal|facebook|face|fb|messenger|whatsapp|whats|whatsap|wasap|wassap|guasap|wsp|wpp|snapchat|snap|tiktok|twitter|linkedin|viber|wechat|discord|skype|kik|threads|nextdoor|xing|youtube";

    // Names that are also ordinary words ("my signal is weak", "my line") need a handle word after them.
    private const string OwnedPlatforms = "instagram|insta|ig|telegram|tg|facebook|fb|snapchat|tiktok|twitter|linkedin|viber|wechat|discord|skype|kik";

    private static readonly HashSet<string> NotHandles = new(
        [
            "home", "work", "here", "there", "all", "everyone", "casa", "trabajo", "and", "but", "for", "the", "too", "also",
            "please", "pls", "thanks", "then", "now", "later", "full", "private", "closed", "down", "new", "old", "public",
            "not", "same", "below", "above", "para", "que", "por", "porfa", "gracias", "luego", "ahora", "tambien", "también",
            "lleno", "privado", "cerrado", "nuevo", "mismo", "abajo", "arriba", "with", "con", "ok", "okay", "vale", "if", "si",
            "you", "your", "tu", "mi", "my", "me", "to", "or", "so", "was", "fue", "is", "es", "in", "en", "on",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        foreach (Match m in AtHandle().Matches(text))
        {
            var handle = m.Groups["h"].Value;
            if (handle.Any(char.IsLetter) && !TimeOfDay().IsMatch(handle) && !NotHandles.Contains(handle) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Index + m.Length);
            }
        }

        foreach (Match m in CashTag().Matches(text))
        {
            Add(input, policy, findings, m.Index, m.Index + m.Length);
        }

        if (!PlatformName().IsMatch(text))
        {
            return;
        }

        foreach (Match m in Invitation().Matches(text))
        {
            var end = HandleEnd(text, m.Index + m.Length, shapedOnly: false, out var handle);
            if (handle is null || !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, end);
            }
        }

        // "check my Instagram" invites; "my Instagram is private" does not, unless a name follows.
        foreach (Match m in Owned().Matches(text))
        {
            var end = HandleEnd(text, m.Index + m.Length, shapedOnly: false, out var handle);
            if ((m.Groups["verb"].Success && handle is null) || (handle is not null && !policy.AllowsHandle(handle)))
            {
                Add(input, policy, findings, m.Index, end);
            }
        }

        // A label alone ("Instagram:", "my signal is") is not a hit; a label with a handle after it is.
        foreach (var (matches, shapedOnly) in new[] { (Labelled().Matches(text), false), (OwnedAmbiguous().Matches(text), true) })
        {
            foreach (Match m in matches)
            {
                var end = HandleEnd(text, m.Index + m.Length, shapedOnly, out var handle);
                if (handle is not null && !policy.AllowsHandle(handle))
                {
                    Add(input, policy, findings, m.Index, end);
                }
            }
        }

        foreach (Match m in HandleOnPlatform().Matches(text))
        {
            if (!policy.AllowsHandle(m.Groups["h"].Value))
            {
                Add(input, policy, findings, m.Index, m.Index + m.Length);
            }
        }
    }

    /// <summary>Where the finding ends: after the handle that follows the invitation, if one does.</summary>
    private static int HandleEnd(string text, int at, bool shapedOnly, out string? handle)
    {
        handle = null;
        var tail = HandleTail().Match(text, at);
        if (!tail.Success)
        {
            return at;
        }

        var h = tail.Groups["h"].Value;
        if (!h.Any(char.IsLetter))
        {
            // A number after "my WhatsApp is" is the phone finder's.
            return at;
        }

        var named = (tail.Groups["named"].Success && !shapedOnly) || h.StartsWith('@');
        var shaped = h.Any(char.IsAsciiDigit) || h.TrimEnd('.').Contains('_') || h.TrimEnd('.').Contains('.');
        if ((named || shaped) && !NotHandles.Contains(h.TrimStart('@')))
        {
            handle = h.TrimStart('@').TrimEnd('.');
            return tail.Groups["h"].Index + h.TrimEnd('.').Length;
        }

        return at;
    }

    private static void Add(NormalizedText input, ContentPolicy policy, List<Finding> findings, int start, int end)
    {
        var (s, length) = input.ToOriginal(start, end);
        findings.Add(new Finding(ViolationKind.SocialHandle, input.Original.Substring(s, length), s, length, policy.SocialHandle));
    }

    [GeneratedRegex(@"(?<![\w@.])@(?<h>[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?)(?![\w@])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtHandle();

    [GeneratedRegex(@"^\d{1,2}(?:[:.]\d{2})?(?:am|pm|h|hs|hrs)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    // Cash App's $cashtag is a handle to pay someone outside the platform.
    [GeneratedRegex(@"(?<![\w$])\$[a-z][a-z0-9_]{2,19}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CashTag();

    [GeneratedRegex(@"\b(?:" + Platforms + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformName();

    [GeneratedRegex(
        @"\b(?:(?:find|add|follow|message|msg|pm|text|contact|reach|hit|ping|look|search|catch|call|write|chat|talk\s+to|dm)\s+(?:me|us)\s+(?:up\s+)?(?:on|at|via|through|thru|in|over|by)\s+(?:my\s+|our\s+)?"
        + @"|(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:also\s+)?on\s+(?:the\s+)?"
        + @"|(?:b[uú]sca|ag?r[eé]ga|s[ií]gue|escr[ií]be|cont[aá]cta|h[aá]bla|ll[aá]ma|m[aá]nda|encu[eé]ntra|mensaj[eé]a|textea|ubica)(?:me|nos)\s+(?:un\s+(?:mensaje|mensajito|msj|dm|md)\s+)?(?:en|por|al|a)\s+(?:mi\s+|nuestro\s+)?"
        + @"|(?:me|nos)\s+(?:encuentras|encuentra|consigues|puedes\s+encontrar|buscas|sigues|agregas|escribes)\s+(?:en|por)\s+"
        + @"|(?:estoy|estamos)\s+(?:tambi[eé]n\s+)?en\s+"
        + @"|join\s+(?:my|our)\s+"
        + @"|(?:search|look\s+up|google|find|busca|b[uú]scanos|encuentra)\s+(?:for\s+|a\s+)?(?-i:[A-Z][\w'&.-]{0,30}\s+){1,4}(?:on|en)\s+"
        + @"|(?:find|search|look|add|b[uú]sca|encu[eé]ntra|ag?r[eé]ga|s[ií]gue)(?:\s+(?:me|us)|me|nos)\s+(?:up\s+)?(?:as|como)\s+(?:[\w.@'-]{1,30}\s+){1,4}(?:on|en|in|por)\s+)"
        + @"(?:(?:group|channel|chat|grupo|canal)\s+(?:de\s+)?)?(?:" + Platforms + @")\b"
        + @"|\b(?:snap|snapchat|telegram|insta|ig|signal|facebook|fb|messenger|tiktok)\s+(?:me|us)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Invitation();

    [GeneratedRegex(
        @"(?<verb>\b(?:check(?:\s+out)?|see|look\s+(?:at|up)|follow|visit|add|find|dm|message|search|on|via|at|mira|revisa|visita|sigue|s[ií]gue(?:me|nos)\s+en|escr[ií]be(?:me|nos)\s+(?:a|al|en|por)|m[aá]nda(?:me|nos)\s+(?:a|al|por)|en|por)\s+)?"
        + @"\b(?:(?:my|our|mi|nuestro|nuestra)\s+(?:(?:cuenta|usuario|perfil|p[aá]gina)\s+(?:de|en)\s+)?(?:" + OwnedPlatforms + @")\b(?:\s+(?:handle|username|user|account|page|profile|name|id))?"
        + @"|(?:mi|nuestro)\s+face\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Owned();

    // "my signal is weak" and "my WhatsApp is slow" are ordinary; only a handle-shaped name after them counts.
    [GeneratedRegex(
        @"\b(?:my|our|mi|nuestro|nuestra)\s+(?:signal|whatsapp|whats|wsp|wasap|line|snap)(?=\s+(?:is|es|handle|username|user|name|id)\b|\s*:)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnedAmbiguous();

    // "ana_tutor on snap", "profe.ana en insta": a name shaped like a handle, then where to find it.
    [GeneratedRegex(
        @"(?<![\w@.])@?(?<h>[a-z][\w.]{0,30}(?:\d|_|\.[a-z])[\w.]{0,30})\s+(?:on|en|in|por)\s+(?:" + Platforms + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HandleOnPlatform();

    // "IG: juan_fixes", "usuario de Telegram", "Instagram handle".
    [GeneratedRegex(
        @"\b(?:(?:" + OwnedPlatforms + @")\s*(?:[:=]|\s(?:handle|username|user|account|id|usuario|cuenta)\b)|(?:handle|username|usuario|cuenta|perfil)\s+(?:de|en|on)\s+(?:" + Platforms + @")\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    [GeneratedRegex(
        @"\G(?:\s*(?:(?<named>[:=]|\bis\b|\bes\b|\bas\b|\bcomo\b|\bat\b|\bnamed\b|\bcalled\b|\bllamad[oa]\b|\busuario\b|\busername\b|\bhandle\b)|[-,]|\ben\b)){0,4}\s*(?<h>@?[\w.]{3,30})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HandleTail();
}
