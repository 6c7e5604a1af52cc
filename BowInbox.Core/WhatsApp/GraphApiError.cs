using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// The body of a failed Graph API call:
/// <c>{"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}</c>.
/// </summary>
public sealed record GraphApiError(int? Code, string Title, string? Details, string? FbTraceId)
{
    public static bool TryParse(string? body, [NotNullWhen(true)] out GraphApiError? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.OptionalProperty("error") is not { ValueKind: JsonValueKind.Object } graphError)
            {
                return false;
            }

            error = new GraphApiError(
                graphError.OptionalInt("code"),
                TitleOf(graphError.OptionalString("message"))
                    ?? graphError.OptionalString("type")
                    ?? "Unknown Graph API error",
                graphError.OptionalProperty("error_data")?.OptionalString("details"),
                graphError.OptionalString("fbtrace_id"));
            return true;
        }
        catch (JsonException)
        {
            // Proxies and gateways answer with HTML; the HTTP status alone then decides.
            return false;
        }
    }

    // Messages read "(#131047) Re-engagement message"; without the code prefix they match the status error titles.
    private static string? TitleOf(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var close = message.IndexOf(')', StringComparison.Ordinal);
        return message.StartsWith("(#", StringComparison.Ordinal) && close > 0
            ? message[(close + 1)..].Trim()
            : message;
    }
}
