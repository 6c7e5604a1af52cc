using System.Globalization;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// The Graph API versions BowInbox knows and the day each stops working. Source: Meta's Graph API changelog and
/// versioning page (developers.facebook.com/docs/graph-api/changelog), which keeps each version available about two
/// years after its release; add a row when Meta publishes a new version.
/// </summary>
public static class GraphApiVersions
{
    /// <summary>The version BowInbox is built and tested against, and the default in its base URL.</summary>
    public const string Current = "v25.0";

    public const string DefaultBaseUrl = "https://graph.facebook.com/" + Current;

    /// <summary>How long before a version's end of life the startup warning and <c>/health</c> flag it.</summary>
    public static readonly TimeSpan WarningPeriod = TimeSpan.FromDays(90);

    /// <summary>The last day each version answers (UTC).</summary>
    public static readonly IReadOnlyDictionary<string, DateOnly> EndOfLife = new Dictionary<string, DateOnly>
    {
        ["v21.0"] = new(2027, 1, 21),
        ["v25.0"] = new(2028, 7, 29),
    };

    /// <summary>The <c>vNN.N</c> segment of a base URL such as <c>https://graph.facebook.com/v25.0</c>, if it has one.</summary>
    public static string? VersionOf(string? baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var last = uri.AbsolutePath.TrimEnd('/').Split('/')[^1];
        return last.Length > 1 && last[0] == 'v' && decimal.TryParse(last[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? last : null;
    }

    /// <summary>
    /// A warning a person can act on when <paramref name="version"/> stops working within <see cref="WarningPeriod"/>
    /// of <paramref name="now"/> (or already has, or is older than any version known); null when it is safe.
    /// </summary>
    public static string? EndOfLifeWarning(string? version, DateTimeOffset now)
    {
        if (version is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (EndOfLife.TryGetValue(version, out var end))
        {
            var days = end.DayNumber - today.DayNumber;
            return days > WarningPeriod.TotalDays
                ? null
                : days < 0
                    ? $"Graph API {version} stopped working on {end:yyyy-MM-dd}; set WhatsApp:GraphApiBaseUrl to {DefaultBaseUrl}."
                    : $"Graph API {version} stops working on {end:yyyy-MM-dd} (in {days} days); set WhatsApp:GraphApiBaseUrl to {DefaultBaseUrl}.";
        }

        var oldest = EndOfLife.Keys.Min(Number);
        return Number(version) < oldest
            ? $"Graph API {version} is older than every version BowInbox knows and has probably stopped working; set WhatsApp:GraphApiBaseUrl to {DefaultBaseUrl}."
            : null;
    }

    private static decimal Number(string version)
        => decimal.TryParse(version.TrimStart('v'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : 0m;
}
