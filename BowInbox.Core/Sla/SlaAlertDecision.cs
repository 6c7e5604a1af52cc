namespace BowInbox.Core.Sla;

/// <summary>Decides which SLA warnings and breaches to raise now, so that each is raised once.</summary>
public static class SlaAlertDecision
{
    /// <summary>
    /// Alerts for running clocks whose warning or due time has passed and that were not raised before. A met or
    /// stopped clock raises nothing. When the due time has passed, only the breach is raised, even if its warning
    /// never was: a late warning next to the breach would only be noise. The caller records what it raised and,
    /// when a new waiting period starts, forgets the NextResponse entries so the new wait can alert again.
    /// </summary>
    public static IReadOnlyList<SlaAlert> Due(
        IReadOnlyList<SlaDue> dues,
        DateTime now,
        IReadOnlySet<(SlaTargetKind Kind, SlaAlertLevel Level)> alreadyRaised)
    {
        var at = UtcInstant.From(now);
        var alerts = new List<SlaAlert>();
        foreach (var due in dues.Where(d => d.Running && d.Actions != SlaBreachAction.None).OrderBy(d => d.Kind))
        {
            if (alreadyRaised.Contains((due.Kind, SlaAlertLevel.Breach)))
            {
                continue;
            }

            if (due.DueAt is { } dueAt && at >= dueAt)
            {
                alerts.Add(new SlaAlert(due.Kind, SlaAlertLevel.Breach, dueAt, due.Actions));
            }
            else if (due.WarnAt is { } warnAt && at >= warnAt && !alreadyRaised.Contains((due.Kind, SlaAlertLevel.Warning)))
            {
                alerts.Add(new SlaAlert(due.Kind, SlaAlertLevel.Warning, warnAt, SlaBreachAction.Alert));
            }
        }

        return alerts;
    }
}
