namespace BowInbox.Core.Sla;

/// <summary>Turns a wall-clock time in a zone into UTC, including the times daylight saving skips or repeats.</summary>
internal static class LocalTimeResolver
{
    public static DateTime ToUtc(DateOnly date, TimeSpan afterMidnight, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) + afterMidnight, DateTimeKind.Unspecified);

        // A time the clocks skip (02:30 when they jump from 02:00 to 03:00) means the moment they land on (03:00),
        // so opening hours stay in order and an interval inside the gap is simply empty.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
            local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        }

        // A time the clocks repeat (01:30 when they fall back from 02:00 to 01:00) means its first occurrence.
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
