namespace BowInbox.Core.Sla;

internal static class UtcInstant
{
    // Databases hand back DateTimes of Kind Unspecified; everything stored is UTC, so that is how they are read.
    public static DateTime From(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static DateTime? From(DateTime? value) => value is { } v ? From(v) : null;
}
