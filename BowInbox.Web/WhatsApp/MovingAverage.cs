namespace BowInbox.Web.WhatsApp;

/// <summary>An exponentially weighted average of durations: recent samples count most, old ones fade.</summary>
internal sealed class MovingAverage(TimeSpan initial, double weight = 0.2)
{
    private readonly Lock sync = new();
    private TimeSpan value = initial;

    public TimeSpan Value
    {
        get
        {
            lock (sync)
            {
                return value;
            }
        }
    }

    public void Add(TimeSpan sample)
    {
        lock (sync)
        {
            value = (value * (1 - weight)) + (sample * weight);
        }
    }
}
