namespace BowInbox.Core.WhatsApp;

/// <summary>Checks for request bodies WhatsApp would reject with error 100, so the bug shows where it is made.</summary>
internal static class OutboundPayloadRules
{
    public static void RequireLength(string? value, int max, string what, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} must not be empty.", paramName);
        }

        if (value.Length > max)
        {
            throw new ArgumentException(
                $"The {what} is at most {max} characters; \"{Shorten(value)}\" has {value.Length}.", paramName);
        }
    }

    public static void RequireCount(int count, int max, string what, string paramName)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentException($"A message needs 1 to {max} {what}, not {count}.", paramName);
        }
    }

    public static void RequireUnique(IEnumerable<string> values, string what, string paramName)
    {
        if (values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"The {what} must be unique; \"{duplicate.Key}\" appears twice.", paramName);
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
