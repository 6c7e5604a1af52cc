using System.Globalization;
using BowInbox.Core.Csat;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Languages;
using BowInbox.Web.Live;
using BowInbox.Web.Routing;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Csat;

/// <summary>
/// Asks the customer of each job resolved at least <see cref="DelayKey"/> minutes ago (by a provider) to rate it 1–5,
/// from the central number, in their language, as a list. Once per ticket: the <see cref="CsatSurvey"/> row, unique per
/// ticket, is written before the question is queued, in the same transaction. Only inside the customer's 24-hour window
/// (a rating is not worth a paid template): otherwise the row records why it was skipped, and nothing is sent.
/// </summary>
public sealed class CsatSurveyJob(
    IDbContextFactory<InboxDbContext> contexts, CustomerNotices notices, CustomerLanguages languages, OutboxSignal outbox, InboxEvents events, IConfiguration configuration, TimeProvider time, ILogger<CsatSurveyJob> logger)
{
    public const string JobId = "csat-survey";

    public const string DelayKey = "Csat:DelayMinutes";

    public const int DefaultDelayMinutes = 10;

    /// <summary>Jobs resolved longer ago than this are not surveyed (an install's old history, a run missed for long).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public TimeSpan Delay => TimeSpan.FromMinutes(Math.Max(0, configuration.GetValue(DelayKey, DefaultDelayMinutes)));

    /// <summary>Surveys (or skips) every job due; returns how many questions were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueBy = now - Delay;
        var oldest = now - MaxAge;
        List<int> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.Resolved && t.ProviderId != null && t.ResolvedAt != null && t.ResolvedAt <= dueBy && t.ResolvedAt >= oldest)
                .Where(t => !db.CsatSurveys.Any(s => s.TicketId == t.Id))
                .OrderBy(t => t.Id).Select(t => t.Id).Take(200).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var ticketId in due)
        {
            try
            {
                sent += await SurveyAsync(ticketId, now, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                // Another run surveyed it first: the unique index on the ticket refused the second row, and its question.
            }
        }

        if (sent > 0)
        {
            outbox.Notify();
            logger.LogInformation("Sent {Count} satisfaction survey(s)", sent);
        }

        return sent;
    }

    private async Task<bool> SurveyAsync(int ticketId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == ticketId, cancellationToken);
        var survey = new CsatSurvey { TicketId = ticket.Id, ContactId = ticket.ContactId, ProviderId = ticket.ProviderId, GroupId = ticket.GroupId, CreatedAt = now, Status = CsatStatus.Sent };
        db.CsatSurveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);

        var otherOpen = await db.Tickets.AnyAsync(t => t.ContactId == ticket.ContactId && t.Id != ticket.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed, cancellationToken);
        var asked = !otherOpen && await AskAsync(db, ticket, cancellationToken);
        if (!asked)
        {
            survey.Status = CsatStatus.Skipped;
            survey.SkipReason = otherOpen ? "The customer has another request open" : "The customer's 24-hour window was closed (or no central number)";
        }

        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id,
            At = now,
            Kind = asked ? "csat-sent" : "csat-skipped",
            Detail = asked ? "The customer was asked to rate the job" : $"No rating asked: {survey.SkipReason}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.PublishAsync(new TicketChanged(ticket.Id, asked ? "csat-sent" : "csat-skipped"));
        return asked;
    }

    private async Task<bool> AskAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        var language = await languages.OfAsync(db, ticket, cancellationToken);
        var texts = languages.Texts;
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == ticket.ProviderId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var firstName = Core.Contacts.PersonName.FirstName(providerName) ?? providerName;
        var body = texts.Get(language, "csat.ask", ("provider", firstName), ("ticket", ticket.Id.ToString(CultureInfo.InvariantCulture)));
        var rows = Enumerable.Range(CsatRating.Lowest, CsatRating.Highest).Reverse()
            .Select(n => new ListRow(CsatRating.RowId(ticket.Id, n), texts.Get(language, CsatRating.TitleKey(n)))).ToList();
        var payload = OutboundPayloads.List(body, texts.Get(language, "csat.button"), [new ListSection(null, rows)]);
        return await notices.AskAsync(db, ticket, body, payload, cancellationToken);
    }
}
