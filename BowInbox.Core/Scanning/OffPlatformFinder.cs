using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Finds requests to pay or talk outside the platform: "pay me cash", "my Venmo", "text me directly",
/// "skip the app", "off the app"; "págame en efectivo", "escríbeme directo", "fuera de la app",
/// "sin la aplicación". These are the deals that cost the marketplace its cut and the customer their cover.
/// </summary>
internal static partial class OffPlatformFinder
{
    private static readonly Regex[] Requests = [PaymentEnglish(), PaymentSpanish(), DirectEnglish(), DirectSpanish(), AroundEnglish(), AroundSpanish()];

    public static void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        foreach (var regex in Requests)
        {
            foreach (Match m in regex.Matches(text))
            {
                var (start, length) = input.ToOriginal(m.Index, m.Index + m.Length);
                findings.Add(new Finding(ViolationKind.PaymentOutside, input.Original.Substring(start, length), start, length, policy.PaymentOutside));
            }
        }
    }

    [GeneratedRegex(
        @"\b(?:pay|paid|paying|payment)\s+(?:me\s+|you\s+|us\s+|him\s+|her\s+|them\s+)?(?:(?:in|with|by|via|through|thru|on|over|using)\s+)?(?:cash|venmo|zelle|paypal|cash\s?app|apple\s?pay|google\s?pay|bank\s+transfer|wire(?:\s+transfer)?|crypto|bitcoin|btc|usdt|e-?transfer|interac)\b"
        + @"|\bpay\s+(?:me|us)\s+(?:directly|direct|instead|privately|outside|on\s+the\s+side)\b|\bpay\s+me\s+(?:\w{1,20}\s+){1,4}instead\b"
        + @"|\b(?:venmo|zelle|paypal|cash\s?app|revolut|bizum|nequi|daviplata|yape|mercado\s?pago|western\s+union|moneygram)\b"
        + @"|\bcash\s+(?:only|price|discount|deal|job|payment|in\s+hand|is\s+(?:cheaper|better|fine|easier|ok|okay|best))\b"
        + @"|\b(?:cheaper|discount|less|better\s+(?:price|deal)|off)\s+(?:if|for|with|when)\s+(?:you\s+)?(?:pay\s+)?(?:in\s+)?cash\b"
        + @"|\bin\s+cash\b|(?:[$€£]\s?)?\b\d[\d,.]{0,12}\s?(?:[$€£]|bucks|dollars)?\s+cash\b|\bcash\s+on\s+(?:the\s+day|arrival|completion|the\s+spot|delivery)\b"
        + @"|\b(?:for\s+less|cheaper|a\s+discount|a\s+better\s+price)\s+if\s+(?:you\s+)?(?:pay|book|call|text|contact)\s+me\b"
        + @"|\b(?:send|transfer|wire|deposit)\s+(?:me\s+)?(?:the\s+)?(?:money|payment|deposit|funds|cash|it)\s+(?:straight\s+)?(?:to|into)\s+my\s+(?:account|bank|card)\b"
        + @"|\b(?:account|routing)\s+number\b|\b(?:iban|clabe|cbu|cvu)\b|\b(?:bank|wire)\s+transfer\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaymentEnglish();

    [GeneratedRegex(
        @"\bp[aá]g\w{0,8}\s+(?:(?:me|te|le)\s+)?(?:(?:en|con|por|a\s+trav[eé]s\s+de|v[ií]a|mediante)\s+)?(?:efectivo|cash|bizum|transferencia|venmo|zelle|paypal|nequi|yape|mercado\s?pago|dep[oó]sito|oxxo|cripto|mano)\b"
        + @"|\b(?:en|al)\s+(?:efectivo|contado)\b"
        + @"|\btransferencia\s+directa\b"
        + @"|\b(?:transf[ií][eé]r\w{0,8}|dep[oó]sit\w{0,8}|(?:m[aá]nda|p[aá]sa|env[ií]a)(?:me)?\s+(?:el\s+)?(?:dinero|pago|plata|varo|lana|importe))\s+(?:a|en)\s+mi\s+(?:cuenta|tarjeta|banco)\b"
        + @"|\bp[aá]ga(?:me|nos)\s+(?:directo|directamente|a\s+m[ií]|aparte)\b"
        + @"|\bn[uú]mero\s+de\s+cuenta\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaymentSpanish();

    [GeneratedRegex(
        @"\b(?:text|call|message|msg|contact|reach|email|e-mail|write|whatsapp|ring|phone|dm|book)\s+(?:me|us)\s+(?:back\s+)?(?:directly|direct|privately|personally|instead|outside|off\s+(?:the\s+)?(?:app|platform))\b"
        + @"|\b(?:contact|talk|deal|work|speak|chat|book)\s+(?:directly|direct)\s+(?:with\s+)?(?:me|us)\b"
        + @"|\bdirectly\s+with\s+me\b"
        + @"|\bmy\s+(?:personal|private|own|real|direct|other)\s+(?:number|phone|cell|line|email|whatsapp|contact|mobile)\b"
        + @"|\b(?:call|text|ring|message|reach)\s+(?:me\s+)?(?:on|at)\s+my\s+(?:cell|mobile|personal|private|own|real)\b"
        + @"|\bnext\s+time\s+(?:just\s+)?(?:call|text|message|contact|book|whatsapp)\s+me\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectEnglish();

    [GeneratedRegex(
        @"\b(?:escr[ií]be|ll[aá]ma|h[aá]bla|m[aá]nda|cont[aá]cta|mensaj[eé]a|textea|marca)(?:me|nos)(?:\s+(?:un\s+)?(?:mensaje|mensajito|msj|whatsapp|wsp))?\s+(?:directo|directamente|en\s+privado|por\s+privado|al\s+privado|por\s+fuera|aparte|a\s+mi\s+(?:n[uú]mero|celular|cel|m[oó]vil|tel[eé]fono|whats(?:app)?|wsp|personal))\b"
        + @"|\b(?:directo|directamente)\s+conmigo\b|\bconmigo\s+(?:directo|directamente)\b|\btrato\s+directo\b"
        + @"|\b(?:por|al)\s+privado\b"
        + @"|\b(?:n[uú]mero|celular|cel|m[oó]vil|tel[eé]fono|whats(?:app)?|wsp|correo)\s+(?:personal|privado|propio|directo|real|particular)\b"
        + @"|\bm[aá]s\s+barato\s+si\s+(?:me\s+)?(?:pagas|llamas|escribes|contactas)\b"
        + @"|\bsi\s+no\s+(?:lo\s+)?(?:pides|pedimos|reservas|pagas|hacemos)\s+por\s+(?:aqu[ií]|la\s+app|la\s+aplicaci[oó]n|la\s+plataforma)\b"
        + @"|\ben\s+vez\s+de\s+(?:pedirlo|reservar|pagar|pedir)\s+por\s+(?:aqu[ií]|la\s+app|la\s+aplicaci[oó]n|la\s+plataforma)\b"
        + @"|\bla\s+pr[oó]xima\s+(?:vez\s+)?(?:ll[aá]mame|escr[ií]beme|cont[aá]ctame)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectSpanish();

    [GeneratedRegex(
        @"\b(?:skip(?:s|ping)?|bypass(?:es|ing)?|avoid(?:s|ing)?|ditch(?:es|ing)?|leave|leaving|cut(?:ting)?\s+out|get(?:ting)?\s+off|go(?:ing)?\s+around|work(?:ing)?\s+around|forget|drop|lose)\s+(?:the|this|that)\s+(?:app|platform|middle\s?man|fees?|commission|booking\s+fee|service\s+fee)\b"
        + @"|\b(?:off|outside(?:\s+of)?|without|around)\s+(?:the|this)\s+(?:app|platform)\b"
        + @"|\boff[\s-](?:app|platform)\b|\boff\s+the\s+books\b|\bunder\s+the\s+table\b"
        + @"|\b(?:no|without|avoid|save(?:\s+on)?|skip)\s+(?:the\s+)?(?:app|platform|service|booking|middle\s?man)(?:'s)?\s+(?:fees?|commission|cut)\b"
        + @"|\bsave\s+(?:you\s+|us\s+|both\s+of\s+us\s+)?(?:on\s+)?(?:the\s+)?(?:fees?|commission)\b"
        + @"|\b(?:don'?t|do\s+not|no\s+need\s+to)\s+(?:tell|mention|use|book\s+through|go\s+through)\s+(?:the\s+)?(?:app|platform)\b"
        + @"|\b(?:don'?t|do\s+not|no)\s+need\s+(?:the|this|a)\s+(?:app|platform|middle\s?man)\b|\bnot\s+(?:through|via|on|in)\s+the\s+(?:app|platform)\b"
        + @"|\bbetween\s+(?:ourselves|you\s+and\s+me)\b|\b(?:deal|work)\s+with\s+(?:each\s+other|me|us)\s+directly\b"
        + @"|\binstead\s+of\s+(?:booking|paying|going)\s+(?:here|through|via|on)\b"
        + @"|\bif\s+(?:you|we)\s+don'?t\s+(?:book|pay|go)\s+(?:it\s+)?(?:here|through\s+(?:the\s+)?(?:app|platform))\b"
        + @"|\bkeep\s+(?:the\s+)?(?:app|platform)\s+out\b|\bno\s+(?:app|platform)\s+needed\b|\bno\s+need\s+for\s+(?:the\s+)?(?:app|platform)\b"
        + @"|\b(?:not|never)\s+(?:go|book|pay|do\s+it)\s+(?:through|via)\s+(?:the\s+app|the\s+platform|(?-i:[A-Z]\w+))\b"
        + @"|\b(?:deal|work|do\s+(?:it|this|business|the\s+job)|arrange\s+(?:it|things|something)|settle\s+(?:it|up)|book\s+(?:me|it))\s+(?:directly|privately|between\s+us)\b"
        + @"|\b(?:keep|do|handle|arrange|settle|sort)\s+(?:it|this|things?)\s+(?:just\s+)?between\s+(?:us|you\s+and\s+me|ourselves)\b"
        + @"|\b(?:sort|work|figure|settle)\s+(?:it|this|things|the\s+price)\s+out\s+(?:ourselves|between\s+us|directly|privately)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AroundEnglish();

    [GeneratedRegex(
        @"\b(?:fuera|afuera|por\s+fuera)\s+(?:de\s+)?(?:la|esta|esa)\s+(?:app|aplicaci[oó]n|plataforma|p[aá]gina|web)\b"
        + @"|\bsin\s+(?:la|esta|usar\s+la|pasar\s+por\s+la)\s+(?:app|aplicaci[oó]n|plataforma|p[aá]gina)\b"
        + @"|\b(?:salt(?:ar|amos|arnos|emos|arte)|nos\s+saltamos|evit(?:ar|amos|emos|arnos)|olv[ií]da(?:te|nos)\s+de|dej(?:a|emos|amos|ar)\s+(?:de\s+usar\s+)?)\s+(?:la|esta)\s+(?:app|aplicaci[oó]n|plataforma|comisi[oó]n)\b"
        + @"|\bsin\s+(?:comisi[oó]n|comisiones|intermediari[oa]s?)\b|\bahorr\w{1,8}\s+(?:la\s+)?comisi[oó]n\b"
        + @"|\bno\s+(?:hace\s+falta|es\s+necesario|necesitas|necesitamos)\s+(?:usar|pasar\s+por)\s+(?:la|esta)\s+(?:app|aplicaci[oó]n|plataforma)\b"
        + @"|\bno\s+(?:uses|usemos|usar|us[eé]is|use)\s+(?:la|esta)\s+(?:app|aplicaci[oó]n|plataforma)\b"
        + @"|\bno\s+pas(?:ar|amos|emos|es|a)\s+por\s+(?:la|esta)\s+(?:app|aplicaci[oó]n|plataforma)\b"
        + @"|\b(?:hac|arregl|segu|qued|cobr|pag|trat)\w{0,8}\s+(?:lo\s+|esto\s+|todo\s+)?por\s+fuera\b"
        + @"|\bentre\s+(?:nosotros|t[uú]\s+y\s+yo)\b(?!\s+(?:dos|tres))|\bpor\s+debajo\s+de\s+la\s+mesa\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AroundSpanish();
}
