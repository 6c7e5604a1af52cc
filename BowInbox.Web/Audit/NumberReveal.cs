using System.Security.Claims;
using BowInbox.Core.Numbers;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Audit;

public enum RevealParty
{
    Customer = 0,
    Provider = 1,
}

public sealed record RevealResult(bool Succeeded, string Message, string? Number)
{
    public static RevealResult Denied(string message) => new(false, message, null);
}

/// <summary>
/// The only way a person sees a real number: a Supervisor or Admin, on one ticket, with a stated reason
/// that goes into the audit log (the number itself never does). Everyone else is refused.
/// </summary>
public sealed class NumberReveal(IDbContextFactory<InboxDbContext> contexts, INumberProtector numbers, Privacy.OriginalTexts originals, AuditLog audit, Hardening.ActionLimits limits)
{
    public const int MinReasonLength = 10;

    /// <summary>How long the page keeps a revealed number on screen.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(30);

    public async Task<RevealResult> RevealAsync(ClaimsPrincipal user, int ticketId, RevealParty party, string? reason, CancellationToken cancellationToken = default)
    {
        if (!SupervisorAccess.MayAudit(user))
        {
            return RevealResult.Denied("Only supervisors and admins can reveal a number.");
        }

        var why = reason?.Trim() ?? "";
        if (why.Length < MinReasonLength)
        {
            return RevealResult.Denied($"Say why you need the number (at least {MinReasonLength} characters).");
        }

        if (Throttled(user) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId)
            .Select(t => new { t.Contact!.Alias, ContactNumber = t.Contact.WaIdProtected, ProviderName = t.Provider != null ? t.Provider.DisplayName : null, ProviderNumber = t.Provider != null ? t.Provider.WaIdProtected : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return RevealResult.Denied("That ticket does not exist.");
        }

        var (whose, protectedNumber) = party == RevealParty.Customer
            ? ($"customer {ticket.Alias}", ticket.ContactNumber)
            : ($"provider {ticket.ProviderName}", ticket.ProviderNumber);
        if (string.IsNullOrEmpty(protectedNumber))
        {
            return RevealResult.Denied(party == RevealParty.Customer ? "This customer has no stored number." : "No provider with a stored number is on this ticket.");
        }

        // Audited before it is shown: a reveal that cannot be recorded does not happen.
        await audit.WriteAsync(SupervisorAccess.Actor(user), AuditActions.NumberRevealed, $"{Transcripts.Target(ticketId)} {whose}", $"reason: {why}", cancellationToken);
        return new RevealResult(true, $"Number of {whose}", "+" + numbers.Unprotect(protectedNumber));
    }

    /// <summary>
    /// A message's text as written, before the scanner changed it: shown to staff masked, and in full only like a
    /// number, to a Supervisor or Admin with a reason that goes into the audit log (the text itself never does).
    /// </summary>
    public async Task<RevealResult> RevealOriginalAsync(ClaimsPrincipal user, int ticketId, long messageId, string? reason, CancellationToken cancellationToken = default)
    {
        if (!SupervisorAccess.MayAudit(user))
        {
            return RevealResult.Denied("Only supervisors and admins can read an original message.");
        }

        var why = reason?.Trim() ?? "";
        if (why.Length < MinReasonLength)
        {
            return RevealResult.Denied($"Say why you need the original (at least {MinReasonLength} characters).");
        }

        if (Throttled(user) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var original = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.TicketId == ticketId)
            .Select(m => m.OriginalText)
            .FirstOrDefaultAsync(cancellationToken);
        if (original is null)
        {
            return RevealResult.Denied("That message has no original text.");
        }

        await audit.WriteAsync(SupervisorAccess.Actor(user), AuditActions.OriginalRevealed, $"{Transcripts.Target(ticketId)} message {messageId}", $"reason: {why}", cancellationToken);
        return new RevealResult(true, "Original text", originals.Unprotect(original));
    }

    // A reveal is audited and shows what the product otherwise hides: a stolen session must not sweep through them.
    private RevealResult? Throttled(ClaimsPrincipal user)
    {
        var throttle = limits.TryReveal(user);
        return throttle.Allowed
            ? null
            : RevealResult.Denied($"Too many reveals in a short time. Try again in {throttle.RetryAfterSeconds} seconds.");
    }
}
