namespace BowInbox.Core.Kpi;

/// <summary>
/// How many conversations a rate needs before people should act on it. Below this a percentage mostly
/// reflects chance (one leak in 10 conversations reads as "10 % leakage"), so dashboards mark it and the
/// ROI calculator refuses to turn it into a return.
/// </summary>
public static class KpiSample
{
    public const int Meaningful = 30;

    public static bool IsSmall(int conversations) => conversations < Meaningful;
}
