using BowInbox.Core.Ai;
using BowInbox.Core.Alerts;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Ai;

/// <summary>
/// A second opinion on relayed messages the pattern scanner let through clean: the AI reads the (masked) message in
/// its conversation, and one it judges a leak attempt ("find me on the blue app") is flagged for a supervisor as a
/// content-flagged alert. It never blocks, holds or changes a message: it runs after the message was relayed, off the
/// webhook's path, and when the AI is slow or down the message simply gets no second opinion.
/// </summary>
public sealed class LeakSecondOpinion(
    InboxEvents events,
    IDbContextFactory<InboxDbContext> contexts,
    IAiChat chat,
    IOptions<AiOptions> options,
    TimeProvider time,
    ILogger<LeakSecondOpinion> logger) : InboxEventWorker<(int TicketId, long MessageId)>(events, logger, capacity: 1000)
{
    public static string KeyOf(long messageId) => $"ai-leak:{messageId}";

    protected override bool Enabled => options.Value.Offers(AiPurpose.LeakSecondOpinion);

    protected override bool TrySelect(InboxChange change, out (int TicketId, long MessageId) item)
    {
        item = change is MessageAdded added ? (added.TicketId, added.MessageId) : default;
        return change is MessageAdded;
    }

    protected override async Task HandleAsync((int TicketId, long MessageId) item, CancellationToken cancellationToken)
    {
        AiConversation? conversation;
        string sender;
        int? providerId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Only what crossed the relay, clean: a message the scanner caught is already on record, one held waits for a person.
            var message = await db.Messages.AsNoTracking()
                .Where(m => m.Id == item.MessageId && m.TicketId == item.TicketId && m.Text != null && m.HeldReason == null
                    && (m.Direction == MessageDirection.FromCustomer || m.Direction == MessageDirection.FromProvider))
                .Select(m => new { m.Direction, ProviderId = db.Tickets.Where(t => t.Id == m.TicketId).Select(t => t.ProviderId).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (message?.ProviderId is null || await db.PolicyViolations.AnyAsync(v => v.MessageId == item.MessageId, cancellationToken))
            {
                return;
            }

            sender = message.Direction == MessageDirection.FromCustomer ? "customer" : "technician";
            providerId = message.ProviderId;
            conversation = await AiConversations.LoadAsync(db, item.TicketId, cancellationToken, upToMessageId: item.MessageId);
        }

        if (conversation is null || conversation.Transcript.Length == 0)
        {
            return;
        }

        var answer = await chat.AskAsync(AiPurpose.LeakSecondOpinion, item.TicketId, AiPrompts.LeakSecondOpinion, conversation.Transcript, cancellationToken);
        if (answer is null)
        {
            return;
        }

        if (AiAnswers.LeakOpinion(answer, conversation.Names) is not { } opinion)
        {
            logger.LogWarning("AI {Purpose} call for ticket {TicketId} gave no suggestion: {Reason}", AiPurpose.LeakSecondOpinion, item.TicketId, "unreadable answer");
            return;
        }

        if (!opinion.Leak)
        {
            return;
        }

        SupervisorAlertRaised? raised;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var summary = $"AI second opinion: a message from the {sender} on ticket #{item.TicketId} may try to take the job off the platform ({opinion.Reason}). It was relayed; please review.";
            raised = await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.ContentFlagged, KeyOf(item.MessageId), item.TicketId, providerId, summary,
                time.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (raised is not null)
        {
            await Events.PublishAsync(raised);
        }
    }
}
