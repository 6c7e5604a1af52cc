using System.Globalization;
using BowInbox.Core.Alerts;
using BowInbox.Core.Contacts;
using BowInbox.Core.Csat;
using BowInbox.Core.Messaging;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Languages;
using BowInbox.Web.Live;
using BowInbox.Web.Routing;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Csat;

/// <summary>
/// Catches a customer's answer to the rating question on the central number before it could open a new ticket: the
/// tapped row (<c>csat:{ticket}:{n}</c>), or its title or a bare digit 1–5 typed back while the question is the latest
/// thing asked and no other request is open. The rating is kept once, the customer thanked once, and a rating of
/// 1–2 raises a supervisor alert. The next text within <see cref="CommentKey"/> minutes is kept as the comment
/// (with any contact details removed). The answer itself is stored on the surveyed ticket's timeline.
/// </summary>
internal sealed class CsatReplies(CustomerNotices notices, CustomerLanguages languages, ContactScanner scanner, IConfiguration configuration, TimeProvider time)
{
    public const string CommentKey = "Csat:CommentMinutes";

    public const int DefaultCommentMinutes = 10;

    public const string CommentWithheld = "[comment withheld: it held contact details]";

    /// <summary>How long a question can be answered by a typed digit or title (a tapped row is read for as long as the question is open).</summary>
    public static readonly TimeSpan TypedAnswerWindow = TimeSpan.FromHours(24);

    private TimeSpan CommentWindow => TimeSpan.FromMinutes(Math.Max(0, configuration.GetValue(CommentKey, DefaultCommentMinutes)));

    /// <summary>The stored answer when <paramref name="inbound"/> answers a survey; null when it is an ordinary message.</summary>
    public async Task<RecordedMessage?> TryHandleAsync(InboxDbContext db, InboundGroup group, InboundMessage inbound, string fromHash, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (!group.TryContact(fromHash, out var contact))
        {
            contact = await db.Contacts.FirstOrDefaultAsync(c => c.WaIdHash == fromHash, cancellationToken);
        }

        if (contact is null)
        {
            return null;
        }

        // While another request is open (the usual case: a message for an ongoing job), only a tapped row can answer a
        // survey; typed answers and comments wait for no open request. So most messages cost no survey read at all.
        if (CsatRating.ReadRowId(inbound.ReplyId) is null && group.TryOpenTicket(contact.Id, out var open) && open is not null)
        {
            return null;
        }

        var survey = await db.CsatSurveys.Where(s => s.ContactId == contact.Id && (s.Status == CsatStatus.Sent || s.Status == CsatStatus.Rated))
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var row = CsatRating.ReadRowId(inbound.ReplyId);
        if (row is { } tapped && tapped.TicketId != survey.TicketId)
        {
            return null;
        }

        var otherOpen = await db.Tickets.AnyAsync(t => t.ContactId == contact.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed, cancellationToken);
        var rating = row?.Rating
            ?? (survey.Status == CsatStatus.Sent && !otherOpen && now - survey.CreatedAt <= TypedAnswerWindow ? CsatRating.ReadText(inbound.Text, languages.Texts) : null);
        var ticket = await db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == survey.TicketId, cancellationToken);
        if (rating is { } n)
        {
            if (survey.Status == CsatStatus.Sent)
            {
                await RateAsync(db, ticket, survey, n, now, changes, cancellationToken);
            }

            return Record(db, inbound, ticket, contact);
        }

        if (survey.Status == CsatStatus.Rated && !otherOpen && inbound.Type == "text" && now - survey.RatedAt <= CommentWindow && !string.IsNullOrWhiteSpace(inbound.Text))
        {
            survey.Comment = Cleaned(inbound.Text);
            survey.CommentedAt = now;
            survey.Status = CsatStatus.Commented;
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "csat-comment", Detail = "The customer commented on their rating" });
            changes.Add(new TicketChanged(ticket.Id, "csat-comment"));
            return Record(db, inbound, ticket, contact);
        }

        return null;
    }

    private async Task RateAsync(InboxDbContext db, Ticket ticket, CsatSurvey survey, int rating, DateTime now, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        survey.Rating = rating;
        survey.RatedAt = now;
        survey.Status = CsatStatus.Rated;
        var stars = rating.ToString(CultureInfo.InvariantCulture);
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "csat-rated", Detail = $"The customer rated the job {stars} of 5" });
        changes.Add(new TicketChanged(ticket.Id, "csat-rated"));
        if (rating <= CsatRating.AlertAtOrBelow)
        {
            var provider = survey.ProviderId is { } id ? await db.Providers.AsNoTracking().Where(p => p.Id == id).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
            var summary = $"Customer {ticket.Contact!.Alias} rated job #{ticket.Id} {stars} of 5" + (provider is null ? "" : $" ({provider})");
            if (await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.LowRating, $"csat-low:{ticket.Id}", ticket.Id, survey.ProviderId, summary, now, cancellationToken) is { } raised)
            {
                changes.Add(raised);
            }
        }

        await notices.SendAsync(db, ticket, await languages.TextAsync(db, ticket, "csat.thanks", cancellationToken), cancellationToken);
    }

    private string Cleaned(string text)
    {
        var trimmed = text.Trim();
        var scan = scanner.Scan(trimmed, ContentPolicy.Default);
        var kept = scan.IsClean ? trimmed : scan.DeliveredText is { } redacted && redacted != trimmed ? redacted : CommentWithheld;
        return kept.Length <= CsatSurvey.MaxCommentLength ? kept : kept[..CsatSurvey.MaxCommentLength];
    }

    private static RecordedMessage Record(InboxDbContext db, InboundMessage inbound, Ticket ticket, Contact contact)
    {
        var message = ReceivedMessage.From(inbound, ticket.Id, MessageDirection.FromCustomer, $"{contact.Alias} {contact.FirstName}");
        db.Messages.Add(message);
        return new RecordedMessage(message, NewTicket: false);
    }
}
