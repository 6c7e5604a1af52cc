namespace BowInbox.Core.Audit;

/// <summary>Append-only, hash-chained record of who saw, revealed, exported, reassigned or changed what.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, one past the previous entry's; unique, so two servers appending at once cannot fork it.</summary>
    public long Sequence { get; set; }

    /// <summary>How <see cref="Hash"/> was computed: <see cref="AuditChain.UnkeyedVersion"/> for entries written before the chain was keyed, <see cref="AuditChain.KeyedVersion"/> after.</summary>
    public int HashVersion { get; set; } = AuditChain.KeyedVersion;

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string Details { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
