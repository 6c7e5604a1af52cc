using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Finds links and bare domains: http(s)://, www., short links and chat links (wa.me, t.me, bit.ly),
/// "juanplumbing.com", and domains with the dot spelled out ("wa dot me", "miweb punto com").
/// </summary>
internal static partial class LinkFinder
{
    // Endings read as a domain when written after a dot with no space; words such as "it", "in", "me"
    // are left out, so "the pipe.it leaks" or a missing space after a full stop stays clean.
    private const string BareTlds = "com|net|org|edu|gov|io|co|info|biz|app|dev|xyz|online|site|store|shop|tech|website|page|link|ly|ee|gl|es|mx|ar|cl|pe|uk|ca|au|de|fr|br|tv|eu|cat|COM|NET|ORG|ES|MX";
    private const string SpelledTlds = "com|net|org|io|co|ly|me|es|mx|app|info|biz|ee|link|page|site|store|shop|fr|de|br|pt|in|ch|at|be|it";
    // More country endings read after a dot with no space; like BareTlds, they leave out words of the six languages.
    private const string CountryTlds = "mg|ng|ke|za|gh|sn|ci|cm|ma|dz|tn|eg|ae|sa|pk|bd|lk|np|ph|sg|vn|th|jp|kr|cn|hk|tw|nz|ie|nl|pl|ru|ua|ro|hu|cz|sk|gr|tr|il|ve|ec|bo|uy|cr|gt|hn|sv|ni|cu|ao|mz|cv|lu|ch|pt|dk|fi|rw|ug|tz|zm|zw|bw|mu|sc";
    // Two-letter endings that are also words: a name glued to one is a domain only when the sentence says it is a site.
    private const string WordTlds = "(?:in|it|me|to|is|at|be|no|so|do|on|of|or|an|as|am|if|my|we|us|he|la|le|de|se|si|te|tu|un|et|em|um|da|ka|ki|ko|ho|ye|pe|ne|ja|na|es|ou|eu|al|il|er|du|je|ok)";
    private const string ShortHosts = @"wa\.me|t\.me|m\.me|fb\.me|wa\.link|bit\.ly|tinyurl\.com|linktr\.ee|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rebrand\.ly|t\.co|shorturl\.at|s\.id|chat\.whatsapp\.com|signal\.me|signal\.group|telegram\.me|instagr\.am|tiny\.cc|forms\.gle|g\.co|calendly\.com";
    private const string Path = @"(?:[/?#:][^\s<>""'`]{0,300}[^\s<>""'`.,;:!?)\]}])?";
    private const string SpelledDot = @"(?:\s*[\(\[\{<]\s*(?:dot|punto|point|ponto|punkt|\.)\s*[\)\]\}>]\s*|\s+(?:dot|punto|point|ponto|punkt)\s+)";

    public static void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        if (text.IndexOf('.') < 0 && !SpelledDotWord().IsMatch(text))
        {
            return;
        }

        AddAll(input, policy, findings, Url().Matches(text));
        AddAll(input, policy, findings, ShortLink().Matches(text));
        AddAll(input, policy, findings, BareDomain().Matches(text));
        AddAll(input, policy, findings, CountryDomain().Matches(text));
        AddAll(input, policy, findings, SiteDomain().Matches(text));
        AddAll(input, policy, findings, SpelledDomain().Matches(text));
        AddAll(input, policy, findings, SpacedDomain().Matches(text));
        AddAll(input, policy, findings, DomainWithPath().Matches(text));
    }

    private static void AddAll(NormalizedText input, ContentPolicy policy, List<Finding> findings, MatchCollection matches)
    {
        foreach (Match m in matches)
        {
            if (policy.AllowsDomain(HostOf(m.Value)) || IsSentenceTypo(m.Value))
            {
                continue;
            }

            var (start, length) = input.ToOriginal(m.Index, m.Index + m.Length);
            findings.Add(new Finding(ViolationKind.Link, input.Original.Substring(start, length), start, length, policy.Link));
        }
    }

    /// <summary>"Listo.es la puerta azul": a capitalised word, a missing space, and a word that is also a country ending.</summary>
    private static bool IsSentenceTypo(string link)
    {
        var dot = link.IndexOf('.');
        if (dot <= 1 || dot != link.LastIndexOf('.') || !char.IsUpper(link[0]) || link.AsSpan(1, dot - 1).ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        return link.AsSpan(dot + 1) is "es" or "co" or "de" or "tv" or "ar" or "me";
    }

    private static string HostOf(string link)
    {
        var host = SpelledDotOnly().Replace(link, ".");
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var end = host.IndexOfAny(['/', '?', '#', ':', ' ']);
        return end >= 0 ? host[..end] : host;
    }

    [GeneratedRegex(@"\b(?:dot|punto|point|ponto|punkt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDotWord();

    [GeneratedRegex(SpelledDot, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDotOnly();

    [GeneratedRegex(@"\b(?:(?:https?|hxxps?)://|www\.)[^\s<>""'`]{0,300}[^\s<>""'`.,;:!?)\]}]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w.@-])(?:" + ShortHosts + @")\b" + Path, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortLink();

    [GeneratedRegex(@"(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,5}(?-i:" + BareTlds + @")\b(?![.-]?\w)" + Path, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareDomain();

    // "carrelage-rakoto.mg", "sharmainteriors.in", "lopes.ao": a country ending after a name with a hyphen or a digit
    // or of ten letters or more (no word glued to the next after a full stop), or after any name for the endings above.
    [GeneratedRegex(@"(?<![\w.@/-])(?:[a-z0-9-]{1,61}\.){0,3}(?:(?-i:[a-z0-9]*[-0-9][a-z0-9-]*[a-z0-9]|[a-z]{10,63})\.(?!" + WordTlds + @"\b)(?-i:[a-z]{2})|[a-z0-9-]{4,63}\.(?-i:" + CountryTlds + @"))\b(?![.-]?\w)" + Path, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountryDomain();

    // "sharmainteriors.in pe jao", "visit kovacs.it": a word ending only where the sentence goes to a site.
    [GeneratedRegex(@"(?<=\b(?:visit|check|site|website|web|page|sur|auf|go\s+to)\s+)[a-z0-9-]{3,63}\.(?-i:" + WordTlds + @")\b(?![.-]?\w)|(?<![\w.@/-])[a-z0-9-]{6,63}\.(?-i:" + WordTlds + @")(?=\s+(?:pe|par|pr|pr|mein|se)\s+(?:jao|jaiye|dekho|dekh|dekhiye|check|visit|book|hai|milega))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteDomain();

    // "wa dot me/5550100", "juanfontanero punto com", "bit(.)ly/abc": at least one dot spelled or bracketed.
    [GeneratedRegex(@"(?<![\w.@-])[a-z0-9-]{1,63}(?:(?:\.|" + SpelledDot + @")[a-z0-9-]{1,63}){0,3}" + SpelledDot + @"(?:" + SpelledTlds + @")\b(?:\s{0,3}(?:/|slash|barra)\s{0,3}[\w.-]{1,100}){0,4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDomain();

    // "riveraplumbing . com": a dot with spaces around it, before a lower-case common ending.
    [GeneratedRegex(@"(?<![\w.@-])[a-z0-9-]{2,63}\s+\.\s+(?-i:com|net|org|io|es|mx)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDomain();

    // "sharmatutorials.in/book": a name before an ending that is also a word ("in", "at", "it"...) is a site when a path follows.
    [GeneratedRegex(@"(?<![\w.@/-])[a-z0-9-]{5,63}\.(?-i:" + WordTlds + @")/[a-z0-9_-]{2,100}(?:[/?#][^\s<>""'`]{0,200}[^\s<>""'`.,;:!?)\]}])?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainWithPath();
}
