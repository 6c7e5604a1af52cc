using BowInbox.Core.Providers;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>Providers switching themselves between Online and Away; a pause set by the platform is not theirs to lift.</summary>
public sealed class ProviderAvailabilityChanges(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<(bool Changed, string Message)> SetAsync(int providerId, ProviderAvailability availability, CancellationToken cancellationToken = default)
    {
        if (availability == ProviderAvailability.Paused)
        {
            return (false, "Only the platform pauses providers.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (provider is null)
        {
            return (false, "You are not set up as a provider.");
        }

        if (provider.Availability == ProviderAvailability.Paused)
        {
            return (false, $"You are paused{(provider.PauseReason is null ? "" : $" ({provider.PauseReason})")}; a supervisor must lift it.");
        }

        provider.Availability = availability;
        await db.SaveChangesAsync(cancellationToken);
        return (true, availability == ProviderAvailability.Online
            ? "You are online: new jobs will be offered to you."
            : "You are away: no new jobs will be offered to you until you write /online.");
    }
}
