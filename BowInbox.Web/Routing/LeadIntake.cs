using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Routing;

/// <summary>
/// Qualifies new leads as customers write: acknowledges the first message, fills in service, area and urgency
/// from the rules (never overwriting what staff set), asks the one missing question once, and routes the ticket
/// when service and area are known. Each step leaves a timeline entry that also makes it happen only once;
/// at start every ticket still in intake is looked at again, so a restart between steps loses nothing.
/// </summary>
public sealed class LeadIntake(
    InboxEvents events,
    IDbContextFactory<InboxDbContext> contexts,
    CustomerNotices customers,
    TicketRouter router,
    OutboxWriter outbox,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<LeadIntake> logger) : InboxEventWorker<int>(events, logger, capacity: null)
{
    public const string Acknowledged = "acknowledged";
    public const string AutoQualified = "auto-qualified";

    /// <summary>An automatic reply that could not go out: recorded instead of the acknowledgement or question it was.</summary>
    public const string NotSent = "notice-not-sent";

    protected override bool Enabled => options.Value.AutomaticIntake;

    protected override bool TrySelect(InboxChange change, out int item)
    {
        item = change.TicketId;
        return change is MessageAdded;
    }

    protected override bool Distinct => true;

    protected override Task HandleAsync(int item, CancellationToken cancellationToken) => ProcessAsync(item, cancellationToken);

    /// <summary>Most messages belong to tickets long past intake: one read for the whole batch finds the few that are not.</summary>
    protected override async Task HandleBatchAsync(IReadOnlyList<int> items, CancellationToken cancellationToken)
    {
        var ids = items.Distinct().ToList();
        List<int> inIntake;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            inIntake = await InIntake(db).Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        await base.HandleBatchAsync(ids.Where(inIntake.Contains).ToList(), cancellationToken);
    }

    /// <summary>Tickets still in intake from a previous run are looked at again, so a restart loses no step.</summary>
    protected override async Task BeforeReadingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var id in await InIntake(db).Select(t => t.Id).ToListAsync(cancellationToken))
        {
            Enqueue(id);
        }
    }

    private static IQueryable<Ticket> InIntake(InboxDbContext db)
        => db.Tickets.Where(t => (t.Status == TicketStatus.New || t.Status == TicketStatus.Qualified) && t.ProviderId == null
            && db.Messages.Any(m => m.TicketId == t.Id && m.Direction == MessageDirection.FromCustomer));

    private async Task ProcessAsync(int ticketId, CancellationToken cancellationToken)
    {
        bool routable;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The batch has already read which tickets are in intake; inside the transaction that is checked again.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ticket = await InIntake(db).Include(t => t.Contact).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is null)
            {
                return;
            }

            var rules = await RoutingRulesStore.LoadAsync(db, cancellationToken);
            var found = await TicketQualification.FromMessagesAsync(db, ticketId, rules, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var filled = Fill(ticket, found);
            if (filled.Count > 0)
            {
                db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = AutoQualified, Detail = string.Join("; ", filled) });
            }

            var done = await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).Distinct().ToListAsync(cancellationToken);
            var reply = new List<string>();
            var replied = new List<TicketEvent>();
            if (!done.Contains(Acknowledged))
            {
                reply.Add(CustomerNotices.Acknowledgement(ticket.Contact!.FirstName, ticketId));
                replied.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = Acknowledged, Detail = "The customer was acknowledged automatically" });
            }

            var current = new Qualification(ticket.ServiceType, ticket.Area, ticket.Urgency, []);
            routable = current.IsComplete;
            if (routable)
            {
                ticket.TryMoveTo(TicketStatus.Qualified);
            }
            else if (Qualifier.MissingQuestion(current, rules) is { } question && !done.Contains(AskedKind(current)))
            {
                reply.Add(question);
                replied.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = AskedKind(current), Detail = $"Asked the customer: {question}" });
            }

            // The timeline records what happened: an acknowledgement or question that could not be queued was not sent
            // (and, unrecorded, is tried again on the customer's next message).
            if (reply.Count > 0 && !await customers.SendAsync(db, ticket, string.Join(" ", reply), cancellationToken))
            {
                logger.LogWarning("The automatic reply on ticket {TicketId} could not be queued", ticketId);
                replied = [new TicketEvent { TicketId = ticketId, At = now, Kind = NotSent, Detail = "The automatic reply could not be sent (no central number, or the 24-hour window is closed)." }];
            }

            db.TicketEvents.AddRange(replied);

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (reply.Count > 0 || filled.Count > 0)
            {
                outbox.NotifySender();
                await Events.PublishAsync(new TicketChanged(ticketId, AutoQualified));
            }
        }

        if (routable)
        {
            await router.RouteAsync(ticketId, cancellationToken);
        }
    }

    private static string AskedKind(Qualification current) => current.ServiceType is null ? "asked-service" : "asked-area";

    // Only what is still unknown is filled in: an intake agent's choice stands.
    private static List<string> Fill(Ticket ticket, Qualification found)
    {
        var reasons = new List<string>();
        string? Reason(string prefix) => found.Reasons.FirstOrDefault(r => r.StartsWith(prefix, StringComparison.Ordinal));
        if (ticket.ServiceType is null && found.ServiceType is not null)
        {
            ticket.ServiceType = found.ServiceType;
            reasons.Add(Reason(found.ServiceType + " from") ?? found.ServiceType);
        }

        if (ticket.Area is null && found.Area is not null)
        {
            ticket.Area = found.Area;
            reasons.Add(Reason(found.Area + " from") ?? found.Area);
        }

        if (ticket.Urgency == Urgency.Normal && found.Urgency == Urgency.Urgent)
        {
            ticket.Urgency = Urgency.Urgent;
            reasons.Add(Reason("urgent from") ?? "urgent");
        }

        return reasons;
    }
}
