using BowInbox.Core.Intake;
using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Languages;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Routing;

/// <summary>
/// Qualifies new leads as customers write, in their language: acknowledges the first message, fills in service, area
/// and urgency from the rules (never overwriting what staff set), asks the one missing question once (service and area
/// as WhatsApp lists built from the groups, urgency as reply buttons), and routes the ticket when it is known enough. Each step leaves a timeline entry that also makes it happen only once;
/// at start every ticket still in intake is looked at again, so a restart between steps loses nothing.
/// </summary>
public sealed class LeadIntake(
    InboxEvents events,
    IDbContextFactory<InboxDbContext> contexts,
    CustomerNotices customers,
    CustomerLanguages languages,
    TicketRouter router,
    BowInbox.Web.Insurance.InsuranceIntake insurance,
    OutboxWriter outbox,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    BowInbox.Web.Ai.AiQualification aiQualification,
    ILogger<LeadIntake> logger) : InboxEventWorker<int>(events, logger, capacity: null)
{
    public const string Acknowledged = "acknowledged";
    public const string AutoQualified = "auto-qualified";

    /// <summary>The customer answered the urgency question (whatever the answer); it is never read again.</summary>
    public const string UrgencyAnswered = "urgency-answered";

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

        // Asked before the transaction: the AI may take seconds, the database must not wait for it.
        var aiHint = await aiQualification.HintAsync(ticketId, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The batch has already read which tickets are in intake; inside the transaction that is checked again.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ticket = await InIntake(db).Include(t => t.Contact).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is null)
            {
                return;
            }

            var rules = IntakeQuestions.Understanding(await RoutingRulesStore.LoadAsync(db, cancellationToken), languages.Texts);
            var found = aiQualification.Complete(await TicketQualification.FromMessagesAsync(db, ticketId, rules, cancellationToken), aiHint);
            var now = time.GetUtcNow().UtcDateTime;
            var filled = Fill(ticket, found);
            var done = await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).Distinct().ToListAsync(cancellationToken);
            var insured = await insurance.ReadAsync(db, ticket, done, cancellationToken);
            filled.AddRange(insured.Filled);
            var awaitingUrgency = done.Contains(IntakeQuestion.KindOf(IntakeStep.Urgency)) && !done.Contains(UrgencyAnswered);
            if (awaitingUrgency)
            {
                var answers = await AnswersToLastQuestionAsync(db, ticketId, cancellationToken);
                if (IntakeQuestions.ReadUrgency(answers, languages.Texts) is { } answer)
                {
                    filled.AddRange(AnswerUrgency(db, ticket, answer, now));
                    done.Add(UrgencyAnswered);
                }

                // Looked at again at start with no new message: the customer has not answered yet, so nothing moves.
                awaitingUrgency = answers.Count == 0;
            }

            if (filled.Count > 0)
            {
                db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = AutoQualified, Detail = string.Join("; ", filled) });
            }

            var sent = true;
            var replied = new List<TicketEvent>();
            if (!done.Contains(Acknowledged))
            {
                sent = await customers.SendAsync(db, ticket, await customers.AcknowledgementAsync(db, ticket, cancellationToken), cancellationToken);
                replied.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = Acknowledged, Detail = "The customer was acknowledged automatically" });
            }

            // An insurance request goes to the insurer's desk: service and area are not asked.
            var step = insured.Applies ? null : NextStep(ticket, done);
            routable = step is null && !awaitingUrgency && !insured.Waiting;
            if (insured.Ask is { } ask && sent)
            {
                (sent, var shown) = await insurance.AskAsync(db, ticket, ask, cancellationToken);
                replied.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = ask, Detail = $"Asked the customer: {shown}" });
            }

            if (step is { } next && sent && !done.Contains(IntakeQuestion.KindOf(next)))
            {
                var question = await QuestionAsync(db, ticket, next, rules, cancellationToken);
                sent = await customers.AskAsync(db, ticket, question, cancellationToken);
                replied.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = question.Kind, Detail = $"Asked the customer: {question.AsText}" });
            }

            // The timeline records what happened: an acknowledgement or question that could not be queued was not sent
            // (and, unrecorded, is tried again on the customer's next message). Intake waits for the customer then, but
            // never holds a lead that can be routed for its urgency alone.
            if (!sent)
            {
                logger.LogWarning("The automatic reply on ticket {TicketId} could not be queued", ticketId);
                replied = [new TicketEvent { TicketId = ticketId, At = now, Kind = NotSent, Detail = "The automatic reply could not be sent (no central number, or the 24-hour window is closed)." }];
                routable = (step is null or IntakeStep.Urgency) && !(insured.Applies && insured.Waiting && insured.Ask == BowInbox.Web.Insurance.InsuranceIntake.AskedInsurer);
            }

            db.TicketEvents.AddRange(replied);
            if (routable)
            {
                ticket.TryMoveTo(TicketStatus.Qualified);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (replied.Count > 0 || filled.Count > 0)
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

    /// <summary>
    /// Service, then area, then (only in a conversation intake had to guide) urgency; null when the lead can be routed.
    /// A customer who said everything at once is routed at once; one who was asked is asked about urgency too, once,
    /// and routed on their next message whatever it says (an emergency word in it still counts).
    /// </summary>
    private static IntakeStep? NextStep(Ticket ticket, ICollection<string> done)
    {
        if (ticket.ServiceType is null)
        {
            return IntakeStep.Service;
        }

        if (ticket.Area is null)
        {
            return IntakeStep.Area;
        }

        var guided = done.Contains(IntakeQuestion.KindOf(IntakeStep.Service)) || done.Contains(IntakeQuestion.KindOf(IntakeStep.Area));
        var urgencyOpen = guided && ticket.Urgency != Urgency.Urgent && !done.Contains(UrgencyAnswered);
        return urgencyOpen && !done.Contains(IntakeQuestion.KindOf(IntakeStep.Urgency)) ? IntakeStep.Urgency : null;
    }

    /// <summary>The choices come from the configured groups: the services they cover, and the areas covering the chosen service.</summary>
    private async Task<IntakeQuestion> QuestionAsync(InboxDbContext db, Ticket ticket, IntakeStep step, QualificationRules rules, CancellationToken cancellationToken)
    {
        var language = await languages.OfAsync(db, ticket, cancellationToken);
        var texts = languages.Texts;
        // An insurer's underwriting group takes requests only from its desk, never from a customer's choice.
        var groups = await db.ProviderGroups.AsNoTracking().Where(g => !db.Insurers.Any(i => i.UnderwritingGroupId == g.Id)).OrderBy(g => g.Id)
            .Select(g => new { g.ServiceType, g.Area }).ToListAsync(cancellationToken);
        switch (step)
        {
            case IntakeStep.Service:
                var services = groups.Select(g => g.ServiceType).ToList();
                return IntakeQuestions.Service(texts, language, services.Count > 0 ? services : rules.Services.Select(s => s.Name));
            case IntakeStep.Area:
                var areas = groups.Where(g => string.Equals(g.ServiceType, ticket.ServiceType, StringComparison.OrdinalIgnoreCase)).Select(g => g.Area).ToList();
                return IntakeQuestions.Area(texts, language, areas.Count > 0 ? areas : rules.Areas.Select(a => a.Name), rules.Areas.Any(a => a.Circle is not null));
            default:
                return IntakeQuestions.Urgency(texts, language);
        }
    }

    // The answer to the urgency question is what the customer wrote (or tapped) after the last question intake sent.
    private static async Task<List<string>> AnswersToLastQuestionAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
    {
        var asked = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToCustomer && m.Type == "interactive" && m.AuthorName == CustomerNotices.AuthorName)
            .MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        return await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer && m.Id > asked && m.Text != null && (m.Type == "text" || m.Type == "interactive" || m.Type == "button"))
            .OrderBy(m => m.Id).Select(m => m.Text!).ToListAsync(cancellationToken);
    }

    private static IEnumerable<string> AnswerUrgency(InboxDbContext db, Ticket ticket, UrgencyAnswer answer, DateTime now)
    {
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = UrgencyAnswered, Detail = $"The customer answered the urgency question: {answer}" });
        if (answer == UrgencyAnswer.Emergency && ticket.Urgency != Urgency.Urgent)
        {
            ticket.Urgency = Urgency.Urgent;
            yield return "urgent from the customer's answer";
        }
    }

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
