using System.Globalization;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Relay;

/// <summary>
/// The short prefix every text towards a provider carries (<c>#42 Maria: ...</c>), so the provider knows which
/// job it is about, and so the relay can tell from a quoted message which job a reply belongs to.
/// </summary>
public static partial class RelayText
{
    public static string Prefixed(int ticketId, string speaker, string text)
        => string.Create(CultureInfo.InvariantCulture, $"#{ticketId} {speaker}: {text}");

    /// <summary>The job number at the start of a text we sent to a provider, if any.</summary>
    public static int? TicketIdOf(string? sentText)
    {
        if (sentText is null)
        {
            return null;
        }

        var match = Prefix().Match(sentText);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>A provider command: a word after a slash, case-insensitive, and what follows it.</summary>
    public static bool TryParseCommand(string? text, out string command, out string argument)
    {
        command = "";
        argument = "";
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed[0] != '/' || trimmed.Length < 2 || !char.IsLetter(trimmed[1]))
        {
            return false;
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        command = (space < 0 ? trimmed[1..] : trimmed[1..space]).ToLowerInvariant();
        argument = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        return true;
    }

    [GeneratedRegex(@"^\s*(?:Job\s+)?#(\d{1,9})\b")]
    private static partial Regex Prefix();
}
