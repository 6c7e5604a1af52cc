using System.Text.RegularExpressions;
using BowInbox.Core.Inbox;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Inbox;

/// <summary>Admin-managed saved answers that agents insert with <c>/shortcut</c>; every change is audited with it.</summary>
public sealed partial class CannedReplies(IDbContextFactory<InboxDbContext> contexts, AuditLog audit)
{
    public async Task<IReadOnlyList<CannedReply>> ListAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.CannedReplies.AsNoTracking().OrderBy(c => c.Shortcut).ToListAsync();
    }

    public async Task<ActionResult> AddAsync(string actor, string? shortcut, string? text)
    {
        var key = shortcut?.Trim().TrimStart('/').ToLowerInvariant() ?? "";
        if (!ShortcutPattern().IsMatch(key))
        {
            return ActionResult.Fail("A shortcut is 1 to 32 lowercase letters, digits or dashes, e.g. 'thanks' or 'area-question'.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ActionResult.Fail("Write the reply text.");
        }

        if (text.Length > WhatsAppLimits.MaxTextLength)
        {
            return ActionResult.Fail($"A reply is at most {WhatsAppLimits.MaxTextLength:N0} characters (WhatsApp's limit).");
        }

        await using var db = await contexts.CreateDbContextAsync();
        if (await db.CannedReplies.AnyAsync(c => c.Shortcut == key))
        {
            return ActionResult.Fail($"/{key} already exists.");
        }

        db.CannedReplies.Add(new CannedReply { Shortcut = key, Text = text.Trim() });
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.CannedReplyChanged, $"/{key}", $"added: {Excerpt(text.Trim())}"));
        return ActionResult.Ok($"Added /{key}.");
    }

    public async Task<ActionResult> DeleteAsync(string actor, int id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var reply = await db.CannedReplies.FirstOrDefaultAsync(c => c.Id == id);
        if (reply is null)
        {
            return ActionResult.Fail("That canned reply no longer exists.");
        }

        db.CannedReplies.Remove(reply);
        try
        {
            await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.CannedReplyChanged, $"/{reply.Shortcut}", $"deleted: {Excerpt(reply.Text)}"));
        }
        catch (DbUpdateConcurrencyException)
        {
            return ActionResult.Fail("That canned reply no longer exists.");
        }

        return ActionResult.Ok("Deleted.");
    }

    private static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ShortcutPattern();
}
