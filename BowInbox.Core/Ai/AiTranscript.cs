using System.Text;
using BowInbox.Core.Messaging;

namespace BowInbox.Core.Ai;

/// <summary>One message of a conversation as stored: who it went between, and its text.</summary>
public sealed record AiLine(MessageDirection Direction, string Text);

/// <summary>A conversation written out for an AI service, each line masked and spoken by a role, never a person.</summary>
public static class AiTranscript
{
    /// <summary>The most recent part of the conversation is kept when it is long: it says what is wanted now.</summary>
    public const int MaxLength = 6000;

    public static string Build(IEnumerable<AiLine> lines, IReadOnlyCollection<AiAlias> names)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var written = new List<string>();
        foreach (var line in lines)
        {
            // Internal notes and system entries are the team's own; they are not what the people said.
            if (SpeakerOf(line.Direction) is not { } speaker || string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            written.Add($"{speaker}: {AiMask.Mask(line.Text.Trim(), names).ReplaceLineEndings(" ")}");
        }

        var text = new StringBuilder();
        for (var i = written.Count - 1; i >= 0 && text.Length + written[i].Length + 1 <= MaxLength; i--)
        {
            text.Insert(0, written[i] + "\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string? SpeakerOf(MessageDirection direction) => direction switch
    {
        MessageDirection.FromCustomer => AiMask.Customer,
        MessageDirection.ToCustomer => "Us (to the customer)",
        MessageDirection.FromProvider => AiMask.Technician,
        MessageDirection.ToProvider => "Us (to the technician)",
        _ => null,
    };
}
