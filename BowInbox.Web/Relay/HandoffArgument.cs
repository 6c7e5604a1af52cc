namespace BowInbox.Web.Relay;

/// <summary>A provider group as <c>/handoff</c> matches it.</summary>
public sealed record HandoffGroup(int Id, string Name, string Area);

/// <summary>Reads <c>/handoff &lt;group&gt; [note]</c>: group names have spaces ("Plumbers - Uptown"), so the longest name the text starts with wins.</summary>
public static class HandoffArgument
{
    /// <summary>
    /// The group the text starts with (its full name; else its first word, as in <c>/handoff Electricians need a hand</c>,
    /// preferring the group in the ticket's <paramref name="area"/>) and the rest as the note; no group when none matches,
    /// and then the whole text is the note.
    /// </summary>
    public static (HandoffGroup? Group, string? Note) Read(string argument, IReadOnlyList<HandoffGroup> groups, string? area)
    {
        var text = argument.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        var full = groups.Where(g => StartsWithWords(text, g.Name)).OrderByDescending(g => g.Name.Length).FirstOrDefault();
        if (full is not null)
        {
            return (full, NoteAfter(text, full.Name.Trim().Length));
        }

        var firstWord = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)[0];
        var byWord = groups.Where(g => string.Equals(g.Name.Trim().Split(' ', 2)[0], firstWord, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(g => string.Equals(g.Area, area, StringComparison.OrdinalIgnoreCase)).ThenBy(g => g.Id).FirstOrDefault();
        return byWord is null ? (null, text) : (byWord, NoteAfter(text, firstWord.Length));
    }

    private static bool StartsWithWords(string text, string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length > 0 && text.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)
            && (text.Length == trimmed.Length || !char.IsLetterOrDigit(text[trimmed.Length]));
    }

    private static string? NoteAfter(string text, int length)
    {
        var note = text[length..].Trim().TrimStart(':', '-', ',').Trim();
        return note.Length == 0 ? null : note;
    }
}
