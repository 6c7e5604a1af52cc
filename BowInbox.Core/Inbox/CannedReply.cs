namespace BowInbox.Core.Inbox;

/// <summary>A saved answer agents insert with <c>/shortcut</c> in the composer; managed by Admins.</summary>
public class CannedReply
{
    public int Id { get; set; }

    public string Shortcut { get; set; } = "";

    public string Text { get; set; } = "";
}
