namespace BowInbox.Core.Scanning;

/// <summary>What the relay does with a finding. Block is stronger than Redact, which is stronger than Flag.</summary>
public enum PolicyAction
{
    /// <summary>Relay the message with the finding replaced by a placeholder such as <c>[phone removed]</c>.</summary>
    Redact = 0,

    /// <summary>Do not relay the message at all.</summary>
    Block = 1,

    /// <summary>Relay the message unchanged and record it for supervisors.</summary>
    Flag = 2,
}
