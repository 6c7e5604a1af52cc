namespace BowInbox.Core.Sla;

/// <summary>What the live SLA chip shows: the clock due soonest, its state and the wall-clock time left (negative once breached).</summary>
public sealed record SlaCountdown(SlaTargetKind Kind, SlaState State, TimeSpan TimeLeft, DateTime DueAt);
