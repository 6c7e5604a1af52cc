using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Finds email addresses, written plainly or dressed up: "juan at gmail dot com",
/// "juan(at)gmail(dot)com", "juan [at] gmail [dot] com", "juan arroba gmail punto com", "juan @ gmail",
/// "my gmail is juan.perez88".
/// </summary>
internal static partial class EmailFinder
{
    private const string Tlds = "com|net|org|edu|gov|io|co|info|biz|me|app|dev|xyz|online|email|mail|es|mx|ar|cl|pe|uy|py|bo|ec|ve|uk|us|ca|au|nz|de|fr|eu|cat|br|pt|in|ch|at|li|be|lu|it|nl|pl|se|dk|fi|ke|ng|gh|za|ma|tn|sn|ie";
    private const string Providers = "gmail|googlemail|hotmail|yahoo|outlook|icloud|protonmail|proton|gmx|yandex|orange|wanadoo|laposte|sfr|t-online|sapo|uol|rediffmail|rediff|btinternet|aol|msn";
    private const string MailWords = Providers + "|e-?mail|correo(?:\\s+electr[oó]nico)?|courriel|mail";
    // Something shaped like a mailbox rather than a word: it has a digit, "_" or "." in it.
    private const string MailboxName = @"[a-z][\w%+-]{0,40}(?:\d|[._][\w%+-])[\w.%+-]{0,40}";

    private const string Local = @"(?<![\w.%+-])(?<local>[\w%+-](?:[\w.%+-]{0,62}[\w%+-])?)";

    // "mike dot fixes at gmail dot com": the mailbox itself may have its dots spelled out.
    private const string SpelledLocal = @"(?<![\w.%+-])(?<local>(?:[\w%+-]{1,30}\s+(?:dot|punto|point|ponto|punkt)\s+){1,3}[\w%+-]{1,30})";

    // Spelled-out separators may carry spaces; a bare "." may not, so "I'm at work. Co-pay" stays clean.
    // "at", "arroba", "arobase", "ät", German "Klammeraffe", Indian English "at the rate"; "(a)" only in brackets;
    // "dot", "punto", "point", "ponto", "punkt".
    // Spelled ones may stand between commas or dashes too: "sophie, arobase, gmail, point com", "thomas.berger – at – gmx".
    private const string Around = @"(?:\s*[,–—]\s*|\s+-\s+|\s+)";
    private const string At = @"(?:\s*(?:@|[\(\[\{<]\s*(?:at|arroba|arobase|ät|a|klammeraffe|@)\s*[\)\]\}>])\s*|" + Around + @"(?:at\s+the\s+rate(?:\s+of)?|at|arroba|arobase|ät|klammeraffe)" + Around + ")";
    private const string Dot = @"(?:\.|\s*[\(\[\{<]\s*(?:dot|punto|point|ponto|punkt|\.)\s*[\)\]\}>]\s*|" + Around + @"(?:dot|punto|point|ponto|punkt)\s+)";

    private static readonly HashSet<string> NotAddresses = new(
        [
            "me", "us", "email", "mail", "correo", "you", "him", "her", "them", "account", "cuenta", "inbox", "message", "mensaje",
            "look", "see", "check", "visit", "find", "online", "site", "website", "web", "page", "reviews", "mira", "visita", "busca",
            "aqui", "aquí", "estoy", "here", "there", "it", "is", "ist", "est", "moi", "mich", "mir", "mujhe", "karo", "the", "rate",
        ], StringComparer.OrdinalIgnoreCase);

    public static void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        if (text.IndexOf('@') < 0 && !MentionsEmail().IsMatch(text))
        {
            return;
        }

        foreach (Match m in Plain().Matches(text))
        {
            Add(input, policy, findings, m, m.Value);
        }

        foreach (Match m in Disguised().Matches(text).Concat(DisguisedWithSpelledLocal().Matches(text)))
        {
            if (NotAddresses.Contains(m.Groups["local"].Value))
            {
                continue;
            }

            var address = $"{m.Groups["local"].Value}@{string.Join('.', m.Groups["label"].Captures.Select(c => c.Value))}.{m.Groups["tld"].Value}";
            Add(input, policy, findings, m, address);
        }

        foreach (Match m in AtProvider().Matches(text).Concat(ShapedNameOnProvider().Matches(text)))
        {
            if (!NotAddresses.Contains(m.Groups["local"].Value))
            {
                Add(input, policy, findings, m, $"{m.Groups["local"].Value}@{m.Groups["provider"].Value}");
            }
        }

        foreach (Match m in ProviderWithoutDot().Matches(text))
        {
            Add(input, policy, findings, m, $"{m.Groups["local"].Value}@{m.Groups["provider"].Value}.{m.Groups["tld"].Value}");
        }

        foreach (Match m in DomainNamed().Matches(text))
        {
            Add(input, policy, findings, m, m.Groups["domain"].Value);
        }

        foreach (Match m in AtThenDomain().Matches(text).Concat(NumberedNameThenProvider().Matches(text)))
        {
            Add(input, policy, findings, m, m.Value);
        }

        foreach (Match m in ProviderThenName().Matches(text))
        {
            var name = m.Groups["local"];
            Add(input, policy, findings, name, $"{name.Value}@{m.Groups["provider"].Value}");
        }
    }

    private static void Add(NormalizedText input, ContentPolicy policy, List<Finding> findings, Capture match, string address)
    {
        if (policy.AllowsEmail(address))
        {
            return;
        }

        var (start, length) = input.ToOriginal(match.Index, match.Index + match.Length);
        findings.Add(new Finding(ViolationKind.Email, input.Original.Substring(start, length), start, length, policy.Email));
    }

    [GeneratedRegex(@"\b(?:at|arroba|arobase|ät|klammeraffe|" + Providers + @"|e-?mail|correo|courriel|mail|domaine|domain|dominio|dom[ií]nio|domäne)\b|[\(\[\{<]\s*a\s*[\)\]\}>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionsEmail();

    // Spaces around "@" and "." are allowed when the ending is a lower-case domain ending: "juan @ gmail . com".
    [GeneratedRegex(@"(?<![\w.%+-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.[a-z]{2,24}\b|(?<![\w.%+-])[\w.%+-]{1,64}\s{0,3}@\s{0,3}[\w-]{1,63}(?:\s{0,3}\.\s{0,3}[\w-]{1,63}){0,4}\s{0,3}\.\s{0,3}(?-i:" + Tlds + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    [GeneratedRegex(Local + At + @"(?:(?<label>[\w-]{1,63})" + Dot + @"){1,4}(?<tld>" + Tlds + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disguised();

    [GeneratedRegex(SpelledLocal + At + @"(?:(?<label>[\w-]{1,63})" + Dot + @"){1,4}(?<tld>" + Tlds + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisguisedWithSpelledLocal();

    [GeneratedRegex(Local + At + @"(?<provider>" + Providers + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtProvider();

    // "malermeister kunz bei web de", "ana.lima em gmail com": a provider and its ending with a space for the dot, after a name.
    [GeneratedRegex(@"(?<![\w.%+-])(?<local>[\w.%+-]{2,40}(?:\s+(?:(?:punkt|dot|point|ponto|punto)\s+)?[\w.%+-]{2,40})?)\s+(?:\([^()]{0,30}\)\s+)?(?:bei|at|chez|arroba|arobase|em|en|no|na|sur|auf)\s+(?<provider>web|" + Providers + @")\s+(?<tld>de|com|net|fr|es|at|ch|pt|it|in|br|mx|uk|be)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProviderWithoutDot();

    // "lucia.clases en gmail", "tom_77 on hotmail", "vikas24 gmail pe hai": only a mailbox-shaped name makes "on"/"en" (or
    // nothing at all) an "at".
    [GeneratedRegex(@"(?<![\w.%+-])(?<local>" + MailboxName + @")\s+(?:(?:en|on|no|na|em|sur|chez|bei|auf|pe|par)\s+)?(?<provider>" + Providers + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShapedNameOnProvider();

    // "le domaine c'est proton.me", "the domain is fixit.co": an address given in halves, the domain named as such.
    [GeneratedRegex(@"\b(?:domaine|domain|dominio|dom[ií]nio|domäne)\s*(?:[:=]|\s(?:is|c'est|es|é|ist|hai|est))?\s*(?<domain>[\w-]{2,63}(?:\.[\w-]{1,63}){0,3}\.(?:" + Tlds + @"))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainNamed();

    // "n.tshibangu@ sans espace puis proton.me", "r.silva@ (junto) gmail.com": the "@" written, a few words, then the domain.
    [GeneratedRegex(Local + @"@\s+(?:[^\s@]{1,15}\s+){1,4}[\w-]{2,63}(?:\.[\w-]{1,63}){0,3}\.(?-i:" + Tlds + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtThenDomain();

    // "nehagupta1994 aage gmail laga do", "rui.obras77 e depois hotmail", "vikram.joshi91 hai aur domain gmail": a name ending
    // in a number, up to three short words, a provider.
    [GeneratedRegex(@"(?<![\w.%+-])[a-z][a-z._]{2,40}\d{1,4}\s+(?:[a-z]{1,8}\s+){1,3}(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|protonmail|proton|gmx|yandex|rediffmail|aol)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedNameThenProvider();

    // "my gmail is juan.perez88", "correo: ana_lopez": a mail word, then something shaped like a mailbox.
    [GeneratedRegex(@"\b(?<provider>" + MailWords + @")\s*(?:[:\-]|\s(?:is|es|ist|est|é|hai|c'est|account|cuenta|conta|address)){0,3}\s*(?<local>" + MailboxName + @")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProviderThenName();
}
