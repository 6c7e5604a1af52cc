namespace BowInbox.Core.Widget;

/// <summary>
/// A web chat widget a marketplace embeds with <c>/widget.js?key=PublicKey</c>: the websites allowed to embed it and
/// how it looks. The public key is no secret (it is in every page that embeds the widget); the origins guard it.
/// </summary>
public class WidgetKey
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The key in the script tag, <c>wk_</c> and 24 random characters.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>The website origins (<c>https://shop.example</c>) allowed to embed the widget, one per line.</summary>
    public string AllowedOrigins { get; set; } = "";

    /// <summary>The launcher's and the panel's accent colour, <c>#RRGGBB</c>.</summary>
    public string Color { get; set; } = WidgetSettings.DefaultColor;

    public string Greeting { get; set; } = WidgetSettings.DefaultGreeting;

    /// <summary>The panel's language (<c>en</c>, <c>de</c>, ...): its labels and the page's <c>lang</c>.</summary>
    public string Language { get; set; } = "en";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> OriginList => AllowedOrigins.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether a browser on <paramref name="origin"/> (the request's Origin header) may use this widget.</summary>
    public bool Allows(string? origin)
        => !IsRevoked && WidgetSettings.NormalizeOrigin(origin) is { } normalized && OriginList.Contains(normalized, StringComparer.Ordinal);
}
