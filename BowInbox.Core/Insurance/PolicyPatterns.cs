using System.Text.RegularExpressions;

namespace BowInbox.Core.Insurance;

/// <summary>
/// Policy-number patterns as Admins type them: compiled with a match timeout, because a pattern runs on every customer
/// message and a catastrophic one must not stall the inbound path.
/// </summary>
public static class PolicyPatterns
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>Null when every pattern compiles, else what is wrong with the first bad one, in words an Admin can act on.</summary>
    public static string? Problem(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Length > 200)
            {
                return $"The pattern '{pattern[..20]}…' is longer than 200 characters.";
            }

            try
            {
                var regex = new Regex(pattern, Options, MatchTimeout);

                // A pattern that matches empty text would mark every message as a policy number.
                if (regex.IsMatch(""))
                {
                    return $"The pattern '{pattern}' matches empty text; make it require at least one character.";
                }

                // A pattern that swallows ordinary phone numbers would hide them from the scanner.
                if (regex.IsMatch("+1 555 010 0199") || regex.IsMatch("5550100199"))
                {
                    return $"The pattern '{pattern}' also matches phone numbers; make it more specific (e.g. POL-\\d{{8}}).";
                }
            }
            catch (ArgumentException e)
            {
                return $"The pattern '{pattern}' is not a valid regular expression: {e.Message}";
            }
            catch (RegexMatchTimeoutException)
            {
                return $"The pattern '{pattern}' takes too long to run; simplify it.";
            }
        }

        return null;
    }

    /// <summary>The patterns compiled; a pattern that does not compile (stored before validation) is left out.</summary>
    public static IReadOnlyList<Regex> Compile(IEnumerable<string> patterns)
    {
        var compiled = new List<Regex>();
        foreach (var pattern in patterns)
        {
            try
            {
                compiled.Add(new Regex(pattern, Options, MatchTimeout));
            }
            catch (ArgumentException)
            {
                // Validated on save; an older bad row must not break inbound messages.
            }
        }

        return compiled;
    }

    /// <summary>Where <paramref name="patterns"/> match in <paramref name="text"/>; a pattern that times out matches nothing.</summary>
    public static IEnumerable<(int Start, int Length, string Value)> Matches(string text, IEnumerable<Regex> patterns)
    {
        foreach (var regex in patterns)
        {
            List<(int, int, string)> found = [];
            try
            {
                found = [.. regex.Matches(text).Where(m => m.Length > 0).Select(m => (m.Index, m.Length, m.Value))];
            }
            catch (RegexMatchTimeoutException)
            {
                // A slow pattern on a strange message: the message is read as if it had no policy number.
            }

            foreach (var match in found)
            {
                yield return match;
            }
        }
    }
}
