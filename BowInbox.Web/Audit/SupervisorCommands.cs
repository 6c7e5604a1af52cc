using System.Globalization;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Audit;

/// <summary>An <c>/audit_session</c> answered inside the inbound transaction, to be audited once that transaction commits.</summary>
public sealed record ServedAuditSession(string Actor, int? AuditedTicketId);

public sealed class SupervisorOptions
{
    public const string Section = "Supervisor";

    /// <summary>The address supervisors open BowInbox at, for links sent on WhatsApp (e.g. https://inbox.example.com).</summary>
    public string PublicBaseUrl { get; set; } = "";
}

/// <summary>
/// Commands supervisors send from their own registered WhatsApp number to the central number. Only a
/// Supervisor's or Admin's number is ever answered; from anyone else the text is an ordinary customer
/// message, so nobody learns the command exists.
/// </summary>
public sealed class SupervisorCommands(INumberProtector numbers, BowInbox.Web.Privacy.StoredPayloads payloads, BowInbox.Web.Privacy.OriginalTexts originals, OutboxWriter outbox, AuditLog audit, IOptions<SupervisorOptions> options, TimeProvider time)
{
    public const string AuditSession = "/audit_session";

    /// <summary>
    /// Returns null when the message is not a supervisor's command (the caller records it as usual).
    /// Handles the message if it is a supervisor's command, in the caller's transaction: the reply goes to
    /// the outbox and the wamid is kept as an <see cref="UnroutedMessage"/> (reason SupervisorCommand,
    /// already handled), so a redelivered webhook finds it and nothing is answered twice.
    /// </summary>
    public async Task<ServedAuditSession?> TryHandleAsync(InboxDbContext db, InboundMessage message, string fromHash, CancellationToken cancellationToken)
    {
        var text = message.Text?.Trim() ?? "";
        if (!text.StartsWith(AuditSession, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A command number may be registered as a phone or a BSUID; the sender is checked by every identifier they came with.
        List<string> senderHashes = [fromHash, .. new[] { message.FromUserId, message.FromParentUserId }.OfType<string>().Select(numbers.Hash)];
        var supervisor = await (from user in db.Users
                                where senderHashes.Contains(user.WhatsAppHash!)
                                join userRole in db.UserRoles on user.Id equals userRole.UserId
                                join role in db.Roles on userRole.RoleId equals role.Id
                                where role.Name == Roles.Supervisor || role.Name == Roles.Admin
                                select user.Email ?? user.Id).FirstOrDefaultAsync(cancellationToken);
        if (supervisor is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.UnroutedMessages.Add(new UnroutedMessage
        {
            Wamid = message.Wamid,
            PhoneNumberId = message.PhoneNumberId,
            FromHash = fromHash,
            FromProtected = numbers.Protect(message.From),
            Type = message.Type,
            Text = BowInbox.Core.Audit.NumberMask.Mask(text),
            RawJson = payloads.ProtectMessage(message),
            Reason = UnroutedReason.SupervisorCommand,
            ReceivedAt = now,
            HandledAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        var argument = text[AuditSession.Length..].Trim().TrimStart('#');
        Transcript? transcript = null;
        var parsed = int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId);
        if (parsed)
        {
            transcript = await TranscriptReader.LoadAsync(db, originals, ticketId, cancellationToken);
        }

        var reply = !parsed ? $"Usage: {AuditSession} <ticket id>"
            : transcript is null ? $"Ticket #{ticketId} does not exist."
            : AuditSessionSummary.Text(transcript, Link(ticketId));
        await outbox.EnqueueTextAsync(db, message.PhoneNumberId, new Recipient(numbers.Protect(message.From), fromHash), reply, null, cancellationToken);
        return new ServedAuditSession(supervisor, transcript is null ? null : ticketId);
    }

    /// <summary>Writes the audit entries (a second writer cannot run inside the inbound transaction) and wakes the sender.</summary>
    public async Task AfterCommitAsync(IReadOnlyList<ServedAuditSession> served, CancellationToken cancellationToken)
    {
        foreach (var session in served)
        {
            if (session.AuditedTicketId is { } ticketId)
            {
                await audit.WriteAsync(session.Actor, AuditActions.TranscriptViewed, Transcripts.Target(ticketId), "summary sent by WhatsApp (/audit_session)", cancellationToken);
            }
        }

        outbox.NotifySender();
    }

    private string Link(int ticketId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/supervisor/sessions/{ticketId}";
}
