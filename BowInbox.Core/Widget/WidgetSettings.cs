using System.Globalization;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Widget;

/// <summary>The rules of a widget's settings and of what visitors send: checked at the edge, with messages an Admin or visitor can act on.</summary>
public static partial class WidgetSettings
{
    public const string DefaultColor = "#1565C0";

    public const string DefaultGreeting = "Hi! How can we help?";

    /// <summary>Characters a visitor's message may have; longer ones are refused, not cut.</summary>
    public const int MaxMessageLength = 2_000;

    public const int MaxGreetingLength = 200;

    public const int MaxEmailLength = 254;

    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    /// <summary>An origin as browsers send it (<c>scheme://host[:port]</c>, lower case, no path), or null when it is none.</summary>
    public static string? NormalizeOrigin(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.AbsolutePath is not ("/" or "")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        return uri.IsDefaultPort
            ? $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}"
            : string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}");
    }

    /// <summary>The origins an Admin typed (one per line, or separated by spaces or commas), normalized; errors name the wrong ones.</summary>
    public static (IReadOnlyList<string> Origins, string? Error) ParseOrigins(string? text)
    {
        var parts = (text ?? "").Split(['\n', '\r', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wrong = parts.Where(p => NormalizeOrigin(p) is null).ToList();
        if (wrong.Count > 0)
        {
            return ([], $"Not a website origin: {string.Join(", ", wrong)}. Write each as https://shop.example (no path).");
        }

        var origins = parts.Select(p => NormalizeOrigin(p)!).Distinct(StringComparer.Ordinal).ToList();
        return origins.Count == 0 ? ([], "Add at least one website origin, e.g. https://shop.example.") : (origins, null);
    }

    public static bool IsColor(string? color) => color is not null && ColorPattern().IsMatch(color);

    /// <summary>Null when the visitor's text may be sent, else what is wrong with it.</summary>
    public static string? CheckMessage(string? text)
        => string.IsNullOrWhiteSpace(text) ? "Write a message first."
            : text.Length > MaxMessageLength ? $"The message is {text.Length:N0} characters; at most {MaxMessageLength:N0} are allowed."
            : null;

    /// <summary>A plausible email address (the notification is the real test).</summary>
    public static bool IsEmail(string? email)
        => email is { Length: > 0 and <= MaxEmailLength } && EmailPattern().IsMatch(email);

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]+$")]
    private static partial Regex EmailPattern();
}
