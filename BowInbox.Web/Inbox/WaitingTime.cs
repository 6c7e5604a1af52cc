namespace BowInbox.Web.Inbox;

public static class WaitingTime
{
    /// <summary>"just now", "7 min", "2 h 5 min", "3 d".</summary>
    public static string Describe(TimeSpan waited)
    {
        if (waited < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (waited < TimeSpan.FromHours(1))
        {
            return $"{(int)waited.TotalMinutes} min";
        }

        if (waited < TimeSpan.FromDays(1))
        {
            return $"{(int)waited.TotalHours} h {waited.Minutes} min";
        }

        return $"{(int)waited.TotalDays} d";
    }
}
