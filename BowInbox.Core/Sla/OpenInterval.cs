namespace BowInbox.Core.Sla;

/// <summary>
/// Opening hours within one day, in the calendar's local time. <see cref="Closes"/> of 00:00 means midnight at the
/// end of the day; an overnight shift is two intervals on two days.
/// </summary>
public readonly record struct OpenInterval(TimeOnly Opens, TimeOnly Closes)
{
    public TimeSpan OpensAfterMidnight => Opens.ToTimeSpan();

    public TimeSpan ClosesAfterMidnight => Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : Closes.ToTimeSpan();

    public override string ToString() => $"{Opens:HH\\:mm}–{Closes:HH\\:mm}";
}
