using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Handles given without a URL or @, in the six languages: "skype: live:dave.fixit", "mon insta c'est plombier_lyon",
/// "meine Threema-ID ist 9ZT4KX7P", "cherche Rénovation Dupont sur Facebook", "ich bin auf LinkedIn", "suis-moi sur
/// TikTok", "Telegram pe add karo".
/// </summary>
internal static partial class HandleInvitations
{
    private const string Platforms = "instagram|insta|ig|telegram|t[ée]l[ée]gram(?:me)?|tg|signal|facebook|fb|messenger|whatsapp|snapchat|snap|tiktok|twitter|linkedin|viber|wechat|weixin|discord|skype|kik|threads|nextdoor|xing|youtube|threema|kakao(?:\\s?talk)?|line|sharechat|moj|imo|kwai|pinterest|reddit|twitch|bluesky|vk|zalo";

    // Where people look a business up, besides the messengers and networks: "search Gupta Repairs on Google".
    private const string SearchPlaces = Platforms + "|face|google(?:\\s+maps)?|maps|justdial|yelp|sulekha|pages\\s?jaunes|gelbe\\s+seiten|p[aá]ginas\\s+amarillas|bing|checkatrade|houzz|trustpilot";

    // "my channel is", "mera page hai", "ma page c'est": what a business's account is called on a platform.
    private const string Owner = "my|our|mera|meri|hamara|hamari|mi|nuestro|nuestra|meu|minha|nosso|nossa|mon|ma|notre|mein|meine|unser|unsere";
    private const string AccountWords = "channel|page|profile|account|shop|store|kanal|seite|cha[iî]ne|profil|compte|canal|p[aá]gina|perfil|cuenta|conta|loja|tienda|boutique|laden|dukaan|dukan";
    private const string NameIs = @"(?:\s*:|\s+(?:is|es|est|c'est|ist|hei[ßs]t|hai|h|é|e|se\s+llama|s'appelle|se\s+chama|chama|called|named))?\s+";
    private const string CapitalisedName = @"(?-i:\p{Lu})[\p{L}'&.\-]{0,30}(?:\s+(?-i:\p{Lu})[\p{L}'&.\-]{0,30}){0,4}";

    // The small words inside a business's name: "Halloway Plumbing & Heating", "Costa e Filhos", "Huber und Söhne".
    private const string NameJoiners = @"&|\+|and|y|e|et|und|de|del|da|do|dos|das|des|du|la|le|von|der|the|of";

    // Files and versions are no handles: "IMG_2034.jpg", "manual_v2.pdf".
    private static readonly HashSet<string> FileEndings = new(["jpg", "jpeg", "png", "gif", "heic", "webp", "pdf", "doc", "docx", "xls", "xlsx", "mp4", "mov", "txt", "zip"], StringComparer.OrdinalIgnoreCase);

    // A name after these needs no shape of its own: nobody calls an account "slow".
    private static readonly HashSet<string> NotNames = new(
        [
            "slow", "down", "private", "privat", "privé", "privee", "privado", "privada", "closed", "weak", "lento", "lenta", "fermé", "ferme",
            "geschlossen", "kaputt", "bloqueado", "blocked", "new", "nuevo", "novo", "neu", "nouveau", "full", "lleno", "cheio", "voll", "plein",
            "not", "no", "nicht", "pas", "nao", "não", "nahi", "the", "same", "el", "la", "le", "der", "die", "das", "o", "a", "mera", "my",
            "busy", "bad", "good", "great", "better", "fine", "easier", "faster", "quicker", "simpler", "cheaper", "free", "ok", "okay",
            "working", "broken", "off", "on", "open", "mejor", "melhor", "mieux", "besser", "bien", "bom", "gut", "theek",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        if (!PlatformName().IsMatch(text))
        {
            return;
        }

        foreach (Match m in PlatformMe().Matches(text))
        {
            var handle = m.Groups["h"].Value.TrimEnd('.', ',');
            if (handle.Count(char.IsLetter) >= 3 && (handle.Contains('_') || handle.Contains('.') || handle.Any(char.IsAsciiDigit)) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Groups["h"].Index + handle.Length);
            }
        }

        foreach (var regex in new[] { Search(), PlatformFirst(), OnPlatform(), Follow(), SkypeLive(), AccountName(), BusinessPage(), SearchPlaceFor(), SpelledHandle(), BusinessAfterPlatform(), LowerNameAfterPlatform() })
        {
            foreach (Match m in regex.Matches(text))
            {
                Add(input, policy, findings, m.Index, m.Index + m.Length);
            }
        }

        foreach (Match m in ShapedNameAfterPlatform().Matches(text))
        {
            var handle = m.Groups["h"].Value;
            if (IsHandleShaped(handle) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Index + m.Length);
            }
        }

        // "signal pe mera username manoj.47 hai", "such mich bei Threema, ID 4RZ8KP2M", "no X sou ElectroDiegoCL": a platform, then in
        // the same sentence an account label or "I am" and a name: any name after a user label, a shaped one after an ID or "I am".
        foreach (Match m in LabelAfterPlatform().Matches(text))
        {
            var handle = m.Groups["h"].Value.TrimEnd('.', ',');
            var user = m.Groups["user"].Success;
            var shaped = handle.Any(char.IsAsciiDigit) || handle.Contains('_') || handle.Contains('.') || CamelCase().IsMatch(handle);
            if (handle.Count(char.IsLetter) >= 3 && !NotNames.Contains(handle) && (user || shaped) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Groups["h"].Index + handle.Length);
            }
        }

        foreach (Match m in PlatformIsNameThere().Matches(text))
        {
            var handle = m.Groups["h"].Value.TrimEnd('.', ',');
            if (handle.Count(char.IsLetter) >= 3 && !NotNames.Contains(handle) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Groups["h"].Index + handle.Length);
            }
        }

        foreach (Match m in MessengerLabel().Matches(text))
        {
            var handle = m.Groups["h"].Value.TrimEnd('.', ',');
            var shaped = handle.Any(char.IsAsciiDigit) || handle.Contains('_') || handle.Contains('.');
            if (handle.Count(char.IsLetter) >= 3 && !NotNames.Contains(handle) && (shaped || m.Groups["only"].Success) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Groups["h"].Index + handle.Length);
            }
        }

        foreach (Match m in Owned().Matches(text))
        {
            var handle = m.Groups["h"].Value.TrimEnd('.', ',');
            var shaped = handle.Any(char.IsAsciiDigit) || handle.Contains('_') || handle.Contains('.') || handle.Contains(':');
            if (handle.Length >= 3 && !NotNames.Contains(handle) && (shaped || m.Groups["label"].Success) && !policy.AllowsHandle(handle))
            {
                Add(input, policy, findings, m.Index, m.Groups["h"].Index + handle.Length);
            }
        }
    }

    /// <summary>
    /// Words joined by "_" or ".", at least two of them with letters ("sharma_electricals_delhi", "bad.mueller") or a name
    /// and a number ("marco.92", "vikas.m.31"), and not a file name: someone's account name rather than a version ("v2.3") or a photo ("IMG_2034.jpg").
    /// </summary>
    private static bool IsHandleShaped(string handle)
    {
        var parts = handle.Split('_', '.');
        var words = parts.Count(p => p.Count(char.IsLetter) >= 2) >= 2 || (parts[0].Count(char.IsLetter) >= 3 && parts.Any(p => p.Length > 0 && p.All(char.IsAsciiDigit)));
        return words && handle.Count(char.IsLetter) >= 5 && !FileEndings.Contains(parts[^1]);
    }

    private static void Add(NormalizedText input, ContentPolicy policy, List<Finding> findings, int start, int end)
    {
        var (s, length) = input.ToOriginal(start, end);
        findings.Add(new Finding(ViolationKind.SocialHandle, input.Original.Substring(s, length), s, length, policy.SocialHandle));
    }

    // X (Twitter) only as a capital letter: "sígueme en X".
    [GeneratedRegex(@"\b(?:" + SearchPlaces + @"|(?-i:X))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformName();

    // "ShareChat pe mera channel hai Gupta Repairs", "my page on Facebook is Rivera Plumbing", "sur YouTube ma chaîne c'est Déco Martin".
    [GeneratedRegex(
        @"\b(?:(?:on|en|no|na|sur|auf|bei|in)\s+)?(?:" + SearchPlaces + @")\s*,?\s+(?:(?:pe|par|on|en|no|na|sur|auf|bei)\s+)?(?:hei[ßs]t\s+)?(?:" + Owner + @")\s+(?:" + AccountWords + @")" + NameIs + CapitalisedName
        + @"|\b(?:" + Owner + @")\s+(?:" + AccountWords + @")\s+(?:pe|par|on|en|no|na|sur|auf|bei)\s+(?:" + SearchPlaces + @")" + NameIs + CapitalisedName,
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AccountName();

    // "kik me: handyman_joe", "snap me at fixit.frank": a platform as a verb, then the handle.
    [GeneratedRegex(@"\b(?:" + Platforms + @")\s+me\s*(?:[:=]|\s(?:at|on|@))?\s*(?<h>@?[\w.\-]{3,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformMe();

    // "insta pe dekho mera kaam: sharma_electricals_delhi", "such mich auf Instagram unter mueller_bad_design", "on Snap I'm
    // tile_king_uk": a platform named, then in the same sentence a name shaped like a handle.
    [GeneratedRegex(@"\b(?:" + Platforms + @")\b[^.!?\n]{0,40}?(?<![\w@.\-/])(?<h>[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)(?![\w@/\-]|\.\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShapedNameAfterPlatform();

    // "Threema: 7HX4P2KD", "LINE ID: tanaka88", "Threema ID 7HX4P2KD", "KakaoTalk: kimplumb": a messenger as a label, then the id. Names that are
    // only messengers (group "only") need no shape; "line" only as LINE or "line id", and then with a shaped id.
    [GeneratedRegex(
        @"\b(?:(?<only>threema|kakao(?:\s?talk)?|wechat|weixin|skype|telegram|snapchat|viber|kik)|(?-i:LINE)|line(?=\s+id)|signal|snap)(?:[\s\-]?(?<label>id|handle|username|user|name|usuario|pseudo|benutzername|nutzername))?(?:\s*[:=]\s*|(?<=id|handle|name|usuario|pseudo)\s+)(?<h>@?[\w.\-]{3,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessengerLabel();

    [GeneratedRegex(
        @"\b(?:" + Platforms + @"|(?-i:X))\b[^.!?\n]{0,30}?\b(?:(?<user>user\s?name|username|usuario|usu[aá]rio|pseudo|nutzername|benutzername|handle|nick)|id|soy|sou(?:\s+o|\s+a)?|i'?m|je\s+suis|ich\s+bin)"
        + @"\s*(?:[:=]\s*|\s(?:is|es|est|c'est|ist|lautet|[eé]|hai)\s+|\s+)(?<h>@?[\w.\-]{3,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelAfterPlatform();

    // "discord is mathswithmaya, I share the worksheets there": a platform named, one name, then where to meet or write.
    [GeneratedRegex(
        @"\b(?:" + Platforms + @")\s*(?::|\s(?:is|es|é|est|c'est|ist|hai))\s+(?<h>@?[\w.\-]{3,40})\s*,[^.!?\n]{0,60}?\b(?:there|all[ií]|ah[ií]|l[aá]|l[àa]-bas|dort|wahan|wahaan|udhar|dm|md|message|msg|add|follow|escr[ií]beme|m[aá]ndame|[ée]cris-moi|schreib)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformIsNameThere();

    // "ElectroDiegoCL", "MikeFixesIt": capitals inside a word, the way accounts are named.
    [GeneratedRegex(@"^@?(?-i:[A-Z]?[a-z]+[A-Z][A-Za-z0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();

    // "page Facebook Plâtrerie Mercier et Fils", "Facebook-Seite Malerbetrieb Novak", "Facebook pe Gupta Electricals Lucknow
    // (naam ka) page hai": a business's page, named.
    [GeneratedRegex(
        @"\b(?:page|seite|p[aá]gina|perfil|profil|compte|conta|channel|canal|cha[iî]ne|kanal)\s+(?:(?:de|on|sur|auf|bei|no|na|en|pe)\s+)?(?:" + Platforms + @")\s*:?\s+" + BusinessName
        + @"|\b(?:" + Platforms + @")[\s\-](?:page|seite|p[aá]gina|perfil|profil|kanal|channel)\s*:?\s+" + BusinessName
        + @"|\b(?:" + Platforms + @")\s+(?:pe|par|on|sur|auf|no|na|en)\s+" + BusinessName + @"\s+(?:naam\s+(?:ka|ki|ke|se)\s+)?(?:page|channel|account|profile|dukaan|dukan|shop)\s+(?:hai|h|hain)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BusinessPage();

    // Two or more capitalised words, with the small words of a business's name between them.
    private const string BusinessName = @"(?-i:\p{Lu})[\p{L}'&.\-]{1,30}(?:\s+(?:(?-i:\p{Lu})[\p{L}'&.\-]{0,30}|(?:" + NameJoiners + @")\b)){1,5}";

    // "skype: live:dave.fixit": Skype's own IDs start with "live:".
    [GeneratedRegex(@"\blive:[\w.\-]{3,40}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SkypeLive();

    // "cherche Rénovation Dupont sur Facebook", "such Malerbetrieb Schulz auf Facebook", "procura Elétrica Ferreira no Facebook".
    [GeneratedRegex(
        @"\b(?:cherche[zr]?|recherche[zr]?|tape[zr]?|such(?:e|t|en)?|google|procur[ae]|pesquis[ae]|busca|b[uú]scame|search|look\s+(?:up|for)|find)\s+(?:(?:for|just|simply|einfach|mal|doch|nach|simplement|juste|s[óo]|simplesmente|solo|s[óo]lo|bas)\s+){0,2}(?-i:\p{Lu})[\p{L}'&.\-]{0,30}\s+(?:(?:(?-i:\p{Lu})[\p{L}'&.\-]{0,30}|" + NameJoiners + @")\s+){0,5}(?:(?-i:\p{Lu})[\p{L}'&.\-]{0,30},\s*(?:[\p{L}'&.\-]{1,30}\s+){0,5}[\p{L}'&.\-]{1,30},\s+)?(?:on|sur|auf|bei|no|na|en|in|pe)\s+(?:" + SearchPlaces + @")\b"
        + @"|\b(?:i'?m|i\s+am|we'?re|we\s+are|je\s+suis|on\s+est|ich\s+bin|wir\s+sind|sou|somos|soy)\s+(?-i:\p{Lu})[\p{L}'&.\-]{0,30}(?:\s+(?:(?-i:\p{Lu})[\p{L}'&.\-]{0,30}|" + NameJoiners + @")){1,5}\s+(?:on|sur|auf|bei|no|na|en|in|pe)\s+(?:" + Platforms + @")\b"
        + @"|\b(?:find|search|look\s+up|b[uú]sca|encu[eé]ntra|procura|ach[ae]|cherche[zr]?|trouve[zr]?|such(?:e|t)?|finde[tn]?)(?:me|nos|[\s\-]+(?:me|us|mich|uns|moi|nous))?\s+(?:as|como|sous|als|unter)\s+(?:[\p{L}'&.\-]{1,30}\s+){1,5}(?:on|en|no|na|sur|auf|bei|in|pe)\s+(?:" + SearchPlaces + @")\b"
        + @"|\b(?:me\s+)?(?:procur[ae]|ach[ae]|encontr[ae]|pesquis[ae]|busc[ae]|b[uú]scame|encu[eé]ntrame)\s+(?:no|na|en|em)\s+(?:" + SearchPlaces + @")\s+(?:como|por)\s+(?:[\p{L}'&.\-]{1,30}\s*){1,5}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Search();

    // Hinglish puts the platform first: "Facebook pe Sharma Electricals search karo", "Telegram pe add karo", "LinkedIn pe hoon".
    [GeneratedRegex(
        @"\b(?:" + SearchPlaces + @")\s+(?:pe|par)\s+(?:(?:[\p{L}'&.\-]{1,30}\s+){0,5}(?:search|dhundo|dhoondo|khojo|add|follow|message|msg|dm)\s+(?:karo|kar\s+lo|kijiye|karna)|(?:[\p{L}'&.\-]{1,30}\s+){0,5}(?:dhundo|dhoondo|khojo)\b|(?:hoon|hun|hu|hain|mil\s+jaunga)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformFirst();

    // "ich bin auf LinkedIn", "je suis sur LinkedIn", "estou no LinkedIn", "estoy en LinkedIn".
    [GeneratedRegex(
        @"\b(?:je\s+suis|on\s+est|ich\s+bin|wir\s+sind|estou|estamos|estoy|i'?m|i\s+am)\s+(?:aussi\s+|auch\s+|tamb[eé]m\s+|tambi[eé]n\s+|also\s+)?(?:sur|auf|bei|no|na|en|on)\s+(?:" + Platforms + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnPlatform();

    // "folg mir auf TikTok", "suis-moi sur TikTok", "me segue no TikTok", "ajoute-moi sur Snap".
    [GeneratedRegex(
        @"\b(?:folg(?:e|t)?\s+(?:mir|uns)|adde\s+(?:mich|uns)|schreib\s+mir|suis[-\s]moi|suivez[-\s](?:moi|nous)|ajoute[-\s]moi|ajoutez[-\s]moi|me\s+(?:segue|siga|adiciona|add)|segue[-\s]me|s[ií]gueme|agr[eé]game|(?:re)?trouve[sz]?[-\s](?:moi|nous)|find\s+(?:me|us)|finde[tn]?\s+(?:mich|uns)|encu[eé]ntr(?:ame|anos)|me\s+(?:encontra|acha))\s+(?:auf|bei|sur|no|na|en|on|pe)\s+(?:" + Platforms + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Follow();

    // "mon insta c'est X", "mein Snap ist X", "meu kakao é X", "mera insta hai X", "mi usuario de LINE es X", "my Threema ID is X".
    [GeneratedRegex(
        @"\b(?:my|our|mi|nuestro|meu|minha|mon|ma|notre|mein|meine|unser|mera|meri|hamara)\s+(?<label>(?:usuario|usu[aá]rio|user(?:name)?|identifiant|pseudo|cuenta|conta|perfil|profil|konto|id)\s+(?:(?:de|do|da|du|on|en|no|sur|auf|bei)\s+)?)?(?:" + Platforms + @")"
        + @"(?:[\s\-]?(?<label>id|handle|username|user|name|usuario|usu[aá]rio|identifiant|pseudo|nutzername|benutzername))?"
        + @"\s*(?:[:=]|\s(?:is|es|est|c'est|ist|lautet|[eé]|hai))?\s*(?:c'est\s+|est\s+|ist\s+|[eé]\s+|hai\s+)?(?<h>@?[\w.:\-]{3,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Owned();
}
