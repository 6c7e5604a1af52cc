using System.Diagnostics.CodeAnalysis;

namespace BowInbox.Core.WhatsApp;

/// <summary>Either the parsed webhook or a message saying what is wrong with the payload.</summary>
public sealed record WebhookParseResult
{
    private WebhookParseResult(ParsedWebhook? webhook, string? error)
    {
        Webhook = webhook;
        Error = error;
    }

    public ParsedWebhook? Webhook { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Webhook))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Webhook is not null;

    public static WebhookParseResult Success(ParsedWebhook webhook) => new(webhook, null);

    public static WebhookParseResult Failure(string error) => new(null, error);
}
