namespace BowInbox.Core.Numbers;

public enum NumberPurpose
{
    /// <summary>The number customers write to.</summary>
    Central = 0,

    /// <summary>A number that carries relay sessions towards providers.</summary>
    ProviderPool = 1,
}
