using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

public sealed record ProviderAdminRow(int Id, string DisplayName, int Capacity, ProviderAvailability Availability, string? PauseReason, IReadOnlyList<int> GroupIds, int OpenJobs);

public sealed record GroupAdminRow(int Id, string Name, string ServiceType, string Area, SelectionStrategy Strategy, int OfferExpiryMinutes, int AttemptLimit);

/// <summary>What an admin may change on a provider.</summary>
public sealed record ProviderSettingsChange(int ProviderId, int Capacity, ProviderAvailability Availability, IReadOnlyCollection<int> GroupIds);

/// <summary>What an admin may change on a provider group.</summary>
public sealed record GroupSettings(int GroupId, SelectionStrategy Strategy, int OfferExpiryMinutes, int AttemptLimit);

/// <summary>Admins setting providers' capacity, availability and groups, and groups' routing settings; every change audited.</summary>
public sealed class ProviderAdministration(IDbContextFactory<InboxDbContext> contexts, AuditLog audit)
{
    public const int MaxCapacity = 50;
    public const int MaxExpiryMinutes = 120;
    public const int MaxAttempts = 10;

    public async Task<IReadOnlyList<ProviderAdminRow>> ProvidersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Assigned && t.ProviderId != null)
            .GroupBy(t => t.ProviderId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var providers = await db.Providers.AsNoTracking().Include(p => p.Groups).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        return providers.Select(p => new ProviderAdminRow(p.Id, p.DisplayName, p.Capacity, p.Availability, p.PauseReason,
            p.Groups.Select(g => g.GroupId).Order().ToList(), open.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task<IReadOnlyList<GroupAdminRow>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProviderGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new GroupAdminRow(g.Id, g.Name, g.ServiceType, g.Area, g.Strategy, g.OfferExpiryMinutes, g.AttemptLimit)).ToListAsync(cancellationToken);
    }

    /// <summary>Saves one provider's settings; returns an error a person can act on, or null.</summary>
    public Task<string?> UpdateProviderAsync(string actor, int providerId, int capacity, ProviderAvailability availability, IReadOnlyCollection<int> groupIds, CancellationToken cancellationToken = default)
        => UpdateProvidersAsync(actor, [new ProviderSettingsChange(providerId, capacity, availability, groupIds)], cancellationToken);

    /// <summary>
    /// Saves the settings of several providers at once, each with its own audit entry, or nothing at all: one form, one
    /// Save. Returns the reason when any of them is refused.
    /// </summary>
    public async Task<string?> UpdateProvidersAsync(string actor, IReadOnlyList<ProviderSettingsChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return "Nothing to save.";
        }

        if (changes.Any(c => c.Capacity is < 0 or > MaxCapacity))
        {
            return $"Capacity must be between 0 and {MaxCapacity}.";
        }

        var ids = changes.Select(c => c.ProviderId).Distinct().ToList();
        if (ids.Count != changes.Count)
        {
            return "A provider appears twice; reload the page.";
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var providers = await db.Providers.Include(p => p.Groups).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (providers.Count != ids.Count)
        {
            return ids.Count == 1 ? "That provider does not exist." : "One of the providers no longer exists; reload the page.";
        }

        var groupIds = changes.SelectMany(c => c.GroupIds).Distinct().ToList();
        var known = await db.ProviderGroups.Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        if (known.Count != groupIds.Count)
        {
            return "One of the groups no longer exists; reload the page.";
        }

        var records = new List<AuditRecord>(changes.Count);
        foreach (var change in changes)
        {
            var provider = providers[change.ProviderId];
            if (change.Availability != ProviderAvailability.Paused && !await db.IsActiveProviderAsync(provider.Id, cancellationToken))
            {
                return UserStanding.InactiveProvider(provider.DisplayName) + " Reactivate the user or give them the Technician role first.";
            }

            records.Add(Apply(actor, provider, change));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var record in records)
        {
            await audit.SaveWithAsync(db, record, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static AuditRecord Apply(string actor, Provider provider, ProviderSettingsChange change)
    {
        var paused = change.Availability == ProviderAvailability.Paused && provider.Availability != ProviderAvailability.Paused;
        var lifted = change.Availability != ProviderAvailability.Paused && provider.Availability == ProviderAvailability.Paused;
        var groups = change.GroupIds.Distinct().Order().ToList();
        provider.Capacity = change.Capacity;
        provider.Availability = change.Availability;
        provider.PauseReason = change.Availability == ProviderAvailability.Paused ? provider.PauseReason ?? $"paused by {actor}" : null;
        provider.Groups.RemoveAll(m => !groups.Contains(m.GroupId));
        provider.Groups.AddRange(groups.Where(id => provider.Groups.All(m => m.GroupId != id)).Select(id => new ProviderGroupMember { GroupId = id }));

        var details = $"capacity {change.Capacity}, {change.Availability}, groups [{string.Join(", ", groups)}]";
        var action = paused ? AuditActions.ProviderPaused : lifted ? AuditActions.PauseLifted : AuditActions.PolicyChanged;
        return new AuditRecord(actor, action, $"provider:{provider.Id}", details);
    }

    public Task<string?> UpdateGroupAsync(string actor, int groupId, SelectionStrategy strategy, int expiryMinutes, int attemptLimit, CancellationToken cancellationToken = default)
        => UpdateGroupsAsync(actor, [new GroupSettings(groupId, strategy, expiryMinutes, attemptLimit)], cancellationToken);

    /// <summary>
    /// Saves the settings of several groups at once, with one audit entry, or nothing at all: one form, one Save. Returns
    /// the reason when any of them is refused.
    /// </summary>
    public async Task<string?> UpdateGroupsAsync(string actor, IReadOnlyList<GroupSettings> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return "Nothing to save.";
        }

        if (changes.Any(c => c.OfferExpiryMinutes is < 1 or > MaxExpiryMinutes || c.AttemptLimit is < 1 or > MaxAttempts))
        {
            return $"Offer expiry must be 1–{MaxExpiryMinutes} minutes and the attempt limit 1–{MaxAttempts}.";
        }

        var ids = changes.Select(c => c.GroupId).Distinct().ToList();
        if (ids.Count != changes.Count)
        {
            return "A group appears twice; reload the page.";
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProviderGroups.Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        if (groups.Count != ids.Count)
        {
            return ids.Count == 1 ? "That group does not exist." : "One of the groups no longer exists; reload the page.";
        }

        foreach (var change in changes)
        {
            var group = groups[change.GroupId];
            group.Strategy = change.Strategy;
            group.OfferExpiryMinutes = change.OfferExpiryMinutes;
            group.AttemptLimit = change.AttemptLimit;
        }

        var target = string.Join(", ", ids.Select(id => $"group:{id}"));
        var details = string.Join("; ", changes.Select(c => $"{c.Strategy}, offers expire after {c.OfferExpiryMinutes} min, {c.AttemptLimit} attempts"));
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.PolicyChanged, target, details), cancellationToken);
        return null;
    }
}
