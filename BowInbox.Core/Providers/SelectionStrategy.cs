namespace BowInbox.Core.Providers;

public enum SelectionStrategy
{
    RoundRobin = 0,
    LeastBusy = 1,
    BestAcceptanceRate = 2,
}
