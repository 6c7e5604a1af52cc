using BowInbox.Core.Insurance;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>An insurer as the Admin form edits it; <see cref="Id"/> 0 is a new one.</summary>
public sealed record InsurerDraft(int Id, string Name, string Aliases, string PolicyPatterns, int? DeskGroupId, int? UnderwritingGroupId);

/// <summary>Admins adding, changing and removing insurers (<c>/admin/insurers</c>); every change audited, bad input changes nothing.</summary>
public sealed class InsurerAdministration(IDbContextFactory<InboxDbContext> contexts, InsurerCatalog catalog, AuditLog audit)
{
    public async Task<IReadOnlyList<Insurer>> InsurersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Insurers.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Adds or updates an insurer; returns an error an Admin can act on (and saves nothing), or null.</summary>
    public async Task<string?> SaveAsync(string actor, InsurerDraft draft, CancellationToken cancellationToken = default)
    {
        var name = draft.Name.Trim();
        if (name.Length is 0 or > Insurer.MaxNameLength)
        {
            return $"The name is 1 to {Insurer.MaxNameLength} characters.";
        }

        var aliases = string.Join('\n', Insurer.Lines(draft.Aliases));
        var patterns = string.Join('\n', Insurer.Lines(draft.PolicyPatterns));
        if (aliases.Length > Insurer.MaxListLength || patterns.Length > Insurer.MaxListLength)
        {
            return $"Aliases and patterns are at most {Insurer.MaxListLength} characters each.";
        }

        if (PolicyPatterns.Problem(Insurer.Lines(patterns)) is { } problem)
        {
            return problem;
        }

        if (draft.DeskGroupId is not { } deskId)
        {
            return "Choose the insurer's desk group: the provider group that answers its customers first.";
        }

        if (draft.UnderwritingGroupId == deskId)
        {
            return "The underwriting group must be another group than the desk.";
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groupIds = new[] { deskId, draft.UnderwritingGroupId ?? deskId };
        if (await db.ProviderGroups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken) != groupIds.Distinct().Count())
        {
            return "That provider group does not exist any more; reload the page.";
        }

        if (await db.Insurers.AnyAsync(i => i.Id != draft.Id && i.Name == name, cancellationToken))
        {
            return $"An insurer named '{name}' already exists.";
        }

        var insurer = draft.Id == 0 ? new Insurer() : await db.Insurers.FirstOrDefaultAsync(i => i.Id == draft.Id, cancellationToken);
        if (insurer is null)
        {
            return "That insurer does not exist any more; reload the page.";
        }

        if (draft.Id == 0)
        {
            db.Insurers.Add(insurer);
        }

        insurer.Name = name;
        insurer.Aliases = aliases;
        insurer.PolicyPatterns = patterns;
        insurer.DeskGroupId = deskId;
        insurer.UnderwritingGroupId = draft.UnderwritingGroupId;
        if (draft.Id == 0)
        {
            // A new insurer's id names it in the audit entry.
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.SaveWithAsync(db, new AuditRecord(actor, draft.Id == 0 ? "insurer.add" : "insurer.change", $"insurer:{insurer.Id}",
            $"{name}; desk group {deskId}; underwriting group {draft.UnderwritingGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; patterns: {patterns.Replace('\n', ' ')}"), cancellationToken);
        catalog.Changed();
        return null;
    }

    /// <summary>Removes an insurer; its tickets keep their history and lose the insurer.</summary>
    public async Task<string?> DeleteAsync(string actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var insurer = await db.Insurers.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (insurer is null)
        {
            return "That insurer does not exist any more; reload the page.";
        }

        db.Insurers.Remove(insurer);
        await audit.SaveWithAsync(db, new AuditRecord(actor, "insurer.remove", $"insurer:{id}", insurer.Name), cancellationToken);
        catalog.Changed();
        return null;
    }
}
