using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>Names on a platform that have no handle's shape of their own, told apart by how they are given.</summary>
internal static partial class HandleInvitations
{
    // "search imo for Nasir Electrics Dhaka", "busca en Facebook por Pinturas Ortega", "such auf Google nach Elektro Huber":
    // a place to search, then the business's name to search for.
    [GeneratedRegex(
        @"(?i:\b(?:search|look\s+up|check|find|b[uú]sca|busque|pesquis[ae]|procur[ae]|cherche[zr]?|recherche[zr]?|such(?:e|t|en)?|dhundo|dhoondo)\s+(?:(?:on|en|no|na|em|sur|auf|bei|in)\s+)?(?:" + SearchPlaces + @")\s+(?:for|por|pour|nach)\s+)" + BusinessName,
        RegexOptions.CultureInvariant)]
    private static partial Regex SearchPlaceFor();

    // "my snap is kayla dot rivers99", "insta: joao ponto reformas": a name with its dot or underscore spelled, after a
    // platform in the same sentence.
    [GeneratedRegex(
        @"\b(?:" + Platforms + @")\b[^.!?\n]{0,30}?(?<![\w@.\-])[a-z][a-z0-9]*(?:\s+(?:dot|punto|point|ponto|punkt|underscore|unterstrich|tiret\s+bas|gui[oó]n\s+bajo)\s+[a-z0-9]+)+\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledHandle();

    // "no tiktok sou Reparos do Zé", "on Insta I'm Rivera Tiles", "auf Facebook bin ich Malerbetrieb Novak": a platform, then
    // "I am" and a business's name of two capitalised words or more.
    [GeneratedRegex(
        @"(?i:\b(?:" + Platforms + @")\b[^.!?\n]{0,30}?\b(?:soy|somos|sou|i'?m|i\s+am|we'?re|we\s+are|je\s+suis|on\s+est|ich\s+bin|bin\s+ich|wir\s+sind|sind\s+wir|main)\s+(?:(?:o|a|the|el|la|le)\s+)?)" + BusinessName,
        RegexOptions.CultureInvariant)]
    private static partial Regex BusinessAfterPlatform();

    // "no TikTok sou o encanadorbh, manda direct", "on snap I'm kaylarenos.": a platform, "I am", and one run-together
    // lower-case name of six letters or more that ends its clause, as a user name is given.
    [GeneratedRegex(
        @"(?i:\b(?:" + Platforms + @")\b[^.!?\n]{0,30}?\b(?:soy|sou|i'?m|i\s+am|je\s+suis|ich\s+bin|bin\s+ich|main)\s+(?:(?:o|a|the|el|la|le)\s+)?)(?-i:[a-z][a-z0-9]{5,30})(?=\s*(?:[,;!?]|$|\.(?:\s|$)))",
        RegexOptions.CultureInvariant)]
    private static partial Regex LowerNameAfterPlatform();
}
