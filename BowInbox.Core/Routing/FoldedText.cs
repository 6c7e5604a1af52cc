using System.Globalization;
using System.Text;

namespace BowInbox.Core.Routing;

/// <summary>
/// Text folded for keyword matching: lower case, accents removed, anything that is not a letter or digit turned
/// into a single space. Phrases then match on whole words only, so "tap" does not match "tapestry".
/// </summary>
internal sealed class FoldedText
{
    // Separates the customer's messages so a phrase never matches across two of them.
    private const string MessageBreak = " | ";

    private readonly string padded;

    private FoldedText(string padded) => this.padded = padded;

    public static FoldedText FromMessages(IEnumerable<string> texts) =>
        new(" " + string.Join(MessageBreak, texts.Select(Fold)) + " ");

    /// <summary>Where the phrase first occurs as whole words, or null when it does not.</summary>
    public int? FirstIndexOf(string phrase)
    {
        var folded = Fold(phrase);
        if (folded.Length == 0)
        {
            return null;
        }

        var index = padded.IndexOf(" " + folded + " ", StringComparison.Ordinal);
        return index < 0 ? null : index;
    }

    /// <summary>Never throws, whatever the text holds: a customer's message must not stop intake.</summary>
    public static string Fold(string text)
    {
        var decomposed = WithoutUnnormalizable(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                folded.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                folded.Append(' ');
                lastWasSpace = true;
            }
        }

        return folded.ToString().TrimEnd();
    }

    /// <summary>
    /// <see cref="string.Normalize(NormalizationForm)"/> throws on lone surrogates and on noncharacters (U+FFFE,
    /// U+FFFF, U+10FFFF...); neither is a letter or digit, so each becomes a space, as punctuation does.
    /// </summary>
    private static string WithoutUnnormalizable(string text)
    {
        if (!text.EnumerateRunes().Any(IsUnnormalizable))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            kept.Append(IsUnnormalizable(rune) ? " " : rune.ToString());
        }

        return kept.ToString();
    }

    // EnumerateRunes yields U+FFFD for each invalid UTF-16 sequence.
    private static bool IsUnnormalizable(Rune rune)
        => rune == Rune.ReplacementChar
            || (rune.Value & 0xFFFE) == 0xFFFE
            || rune.Value is >= 0xFDD0 and <= 0xFDEF;
}
