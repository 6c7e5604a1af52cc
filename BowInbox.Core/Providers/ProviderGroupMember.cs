namespace BowInbox.Core.Providers;

public class ProviderGroupMember
{
    public int GroupId { get; set; }

    public ProviderGroup? Group { get; set; }

    public int ProviderId { get; set; }

    public Provider? Provider { get; set; }
}
