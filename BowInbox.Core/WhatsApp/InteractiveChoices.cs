namespace BowInbox.Core.WhatsApp;

/// <summary>A reply button; the id comes back as <see cref="InboundMessage.ReplyId"/> when it is tapped.</summary>
public sealed record ReplyButton(string Id, string Title);

/// <summary>A list row; the id comes back as <see cref="InboundMessage.ReplyId"/> when it is chosen.</summary>
public sealed record ListRow(string Id, string Title, string? Description = null);

/// <summary>A group of list rows; WhatsApp requires a title once a list has more than one section.</summary>
public sealed record ListSection(string? Title, IReadOnlyList<ListRow> Rows);
