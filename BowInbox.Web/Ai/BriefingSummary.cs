using BowInbox.Core.Ai;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Ai;

/// <summary>
/// The AI's summary in the technician's WhatsApp briefing. When a technician accepts or is assigned a job, the
/// briefing goes out at once as always; this worker then asks the AI for the (masked) summary off the webhook's and the
/// staff's path and sends it as a follow-up on the same pool number. Acceptance never waits on the AI: when it is slow,
/// down or off, or the technician's 24-hour window is closed, there is simply no follow-up (the summary still heads the
/// job page).
/// </summary>
public sealed class BriefingSummary(
    InboxEvents events,
    IDbContextFactory<InboxDbContext> contexts,
    IAiChat chat,
    RelayDelivery delivery,
    IOptions<AiOptions> options,
    TimeProvider time,
    ILogger<BriefingSummary> logger) : InboxEventWorker<int>(events, logger, capacity: 1000)
{
    /// <summary>The ticket changes that brief a technician (<see cref="RelaySessionStore.OpenAsync"/>).</summary>
    private static readonly HashSet<string> Briefed = ["assigned", "provider-assigned", "reassigned"];

    /// <summary>The follow-up's text; it starts with the job number like every relay notice.</summary>
    public static string Text(int ticketId, string summary) => $"#{ticketId} Summary from our assistant: {summary}";

    protected override bool Enabled => options.Value.Offers(AiPurpose.Summary);

    protected override bool Distinct => true;

    protected override bool TrySelect(InboxChange change, out int item)
    {
        item = change.TicketId;
        return change is TicketChanged { What: var what } && Briefed.Contains(what);
    }

    protected override async Task HandleAsync(int ticketId, CancellationToken cancellationToken)
    {
        AiConversation? conversation;
        long sessionId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await SendableAsync(db, ticketId, cancellationToken) is not { } session)
            {
                return;
            }

            sessionId = session.Session.Id;
            conversation = await AiConversations.LoadAsync(db, ticketId, cancellationToken);
        }

        if (conversation is null || conversation.Transcript.Length == 0
            || await chat.AskAsync(AiPurpose.Summary, ticketId, AiPrompts.Summary, conversation.Transcript, cancellationToken) is not { } answer
            || AiAnswers.Text(answer, conversation.Names) is not { } summary)
        {
            return;
        }

        long messageId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await SendableAsync(db, ticketId, cancellationToken) is not { } session || session.Session.Id != sessionId)
            {
                return;
            }

            var (open, to) = session;
            var text = Text(ticketId, summary);
            var notice = await delivery.StoreNoticeAsync(db, ticketId, MessageDirection.ToProvider, open.PoolPhoneNumberId, text, cancellationToken);
            await delivery.SendTextAsync(db, open.PoolPhoneNumberId, to, text, null, notice.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            messageId = notice.Id;
        }

        delivery.NotifySender();
        await Events.PublishAsync(new MessageAdded(ticketId, messageId, NewTicket: false));
    }

    /// <summary>
    /// The ticket's open relay and its technician, when a summary can go there now: none sent yet in this session, and
    /// the technician's window open (no template carries a summary; outside the window they read it on the job page),
    /// so the AI is not asked for a summary nobody would get.
    /// </summary>
    private async Task<(Core.Relay.RelaySession Session, Recipient To)?> SendableAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
    {
        var session = await db.RelaySessions.AsNoTracking().Where(s => s.TicketId == ticketId && s.ClosedAt == null).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        var provider = session is null ? null : await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == session.ProviderId, cancellationToken);
        if (session is null || provider is null || RelayDelivery.RecipientOf(provider) is not { } to || await AlreadySentAsync(db, ticketId, session, cancellationToken))
        {
            return null;
        }

        if (!await ConversationWindows.IsOpenAsync(db, session.PoolPhoneNumberId, to.WaIdHash, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            logger.LogInformation("AI summary for ticket {TicketId} not sent to the technician: their 24-hour window is closed", ticketId);
            return null;
        }

        return (session, to);
    }

    // One summary per session: a repeated change (or a restart) must not brief the technician twice.
    private static Task<bool> AlreadySentAsync(InboxDbContext db, int ticketId, Core.Relay.RelaySession session, CancellationToken cancellationToken)
    {
        var prefix = Text(ticketId, "");
        return db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToProvider && m.PhoneNumberId == session.PoolPhoneNumberId
            && m.CreatedAt >= session.OpenedAt && m.Text != null && m.Text.StartsWith(prefix), cancellationToken);
    }
}
