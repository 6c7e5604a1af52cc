namespace BowInbox.Core.WhatsApp;

/// <summary>
/// An image, document, audio, video or sticker. Only its id arrives; the bytes are fetched from the
/// Graph API through a URL that lives about five minutes.
/// </summary>
public sealed record InboundMedia(string Id, string? MimeType, string? Sha256, string? Caption, string? Filename);

public sealed record InboundLocation(double Latitude, double Longitude, string? Name, string? Address);

public sealed record SharedContact(string? Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails);

/// <summary>A reaction to one of our messages; an empty emoji means the reaction was removed.</summary>
public sealed record InboundReaction(string MessageId, string Emoji);

/// <summary>Why WhatsApp could not deliver a message's content, e.g. 131051 for an unsupported type.</summary>
public sealed record MessageError(int? Code, string? Title, string? Details);
