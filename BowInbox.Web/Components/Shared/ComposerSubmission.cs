namespace BowInbox.Web.Components.Shared;

/// <summary>
/// What <see cref="MessageComposer"/> hands its owner to send: the text as typed and whether it is an internal note.
/// The owner sets <see cref="Sent"/> when the text went out, and the composer then clears its input.
/// </summary>
public sealed class ComposerSubmission(string? text, bool note)
{
    public string? Text { get; } = text;

    public bool Note { get; } = note;

    public bool Sent { get; set; }
}
