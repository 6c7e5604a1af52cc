namespace BowInbox.Core.Webhooks;

/// <summary>What a subscription's URL must be; the messages say what to change.</summary>
public static class WebhookUrlRules
{
    /// <returns>Null when the URL is acceptable, else why not.</returns>
    public static string? Problem(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the URL that should receive the events.";
        }

        if (url.Length > WebhookSubscription.MaxUrlLength)
        {
            return $"The URL is longer than {WebhookSubscription.MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            return "Enter a full address such as https://example.com/bowinbox/events.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            return "Use https: events are only sent over an encrypted connection.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave the user name and password out of the URL: deliveries are signed instead.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "Leave out the #fragment: it is never sent to the server.";
        }

        return null;
    }
}
