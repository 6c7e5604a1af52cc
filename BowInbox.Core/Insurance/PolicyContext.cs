using BowInbox.Core.Routing;

namespace BowInbox.Core.Insurance;

/// <summary>What a customer's messages say about their policy: the insurer and the policy number, each null when not said.</summary>
public sealed record PolicyContext(int? InsurerId, string? PolicyNumber, string? Reason)
{
    public static PolicyContext None { get; } = new(null, null, null);

    /// <summary>
    /// Reads the insurer and policy number from <paramref name="messages"/> (oldest first; the latest mention wins). A
    /// policy number matching one insurer's pattern names that insurer too; otherwise an alias or the name as a whole
    /// word or phrase does ("my Acme policy"), the longest name winning.
    /// </summary>
    public static PolicyContext Extract(IReadOnlyList<string> messages, IReadOnlyList<Insurer> insurers)
    {
        if (insurers.Count == 0 || messages.Count == 0)
        {
            return None;
        }

        int? byPolicy = null;
        string? policy = null;
        int? byName = null;
        string? nameSaid = null;
        foreach (var message in messages)
        {
            foreach (var insurer in insurers)
            {
                var match = PolicyPatterns.Matches(message, PolicyPatterns.Compile(insurer.PatternList)).FirstOrDefault();
                if (match.Value is not null)
                {
                    byPolicy = insurer.Id;
                    policy = match.Value.Trim().ToUpperInvariant();
                }
            }

            var folded = FoldedText.FromMessages([message]);
            var named = insurers
                .SelectMany(i => i.AliasList.Append(i.Name).Where(n => n.Length > 1).Select(n => (Insurer: i, Name: n)))
                .Where(n => folded.FirstIndexOf(n.Name) is not null)
                .OrderByDescending(n => n.Name.Length)
                .FirstOrDefault();
            if (named.Insurer is not null)
            {
                byName = named.Insurer.Id;
                nameSaid = named.Name;
            }
        }

        var insurerId = byName ?? byPolicy;
        if (insurerId is null)
        {
            return None;
        }

        var insurerName = insurers.First(i => i.Id == insurerId).Name;
        var reason = byName is not null ? $"{insurerName} from '{nameSaid}'" : $"{insurerName} from its policy number";
        return new PolicyContext(insurerId, policy, reason);
    }

    /// <summary>The first of <paramref name="words"/> the messages say as a whole word or phrase (accents and case aside), or null.</summary>
    public static string? FirstSaid(IReadOnlyList<string> messages, IEnumerable<string> words)
    {
        var folded = FoldedText.FromMessages(messages);
        return words.FirstOrDefault(w => w.Trim().Length > 1 && folded.FirstIndexOf(w) is not null);
    }
}
