using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.Routing;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Api;

/// <summary>A checked lead: who, what they asked, and what the form already knew.</summary>
public sealed record ValidLead(CustomerIdentity Customer, string Text, string? Service, string? Area, Urgency Urgency, ExternalReference? Reference);

/// <summary>
/// A lead from the marketplace becomes a ticket like one that began on WhatsApp: the same contact and ticket records,
/// the request as the customer's first message, then the conversation started from the central number with the approved
/// follow-up template (through the outbox). Intake, routing and SLA then take it from the customer's message, as always;
/// the template is the acknowledgement, so intake does not send another.
/// </summary>
public sealed class ApiLeads(IDbContextFactory<InboxDbContext> contexts, CustomerRecords customers, ReplySender replies, InboxEvents events, TimeProvider time)
{
    public async Task<LeadCreated> CreateAsync(ValidLead lead, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int ticketId;
        long messageId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var contact = await customers.FindOrCreateContactAsync(db, lead.Customer, now, cancellationToken);
            var ticket = await CustomerRecords.OpenTicketAsync(db, contact, $"through the API ({actor})", now, cancellationToken);
            ticket.ServiceType = lead.Service;
            ticket.Area = lead.Area;
            ticket.Urgency = lead.Urgency;
            var message = new Message
            {
                TicketId = ticket.Id,
                Direction = MessageDirection.FromCustomer,
                AuthorName = $"{contact.Alias} {contact.FirstName}",
                Type = "text",
                Text = lead.Text,
                Status = DeliveryStatus.None,
                CreatedAt = now,
            };
            db.Messages.Add(message);
            ticket.CustomerWrote(now, now, lead.Text);
            if (lead.Reference is { } reference)
            {
                db.ExternalReferences.Add(new ExternalReference { TicketId = ticket.Id, Kind = reference.Kind, Value = reference.Value, CreatedAt = now });
            }

            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = LeadIntake.Acknowledged, Detail = "The customer is greeted with the follow-up template", Actor = actor });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ticketId = ticket.Id;
            messageId = message.Id;
        }

        var started = await replies.SendTemplateAsync(ticketId, MessageTemplates.RequestFollowUp.Name, new StaffAuthor("", CustomerNotices.AuthorName), cancellationToken);
        if (!started.Succeeded)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = LeadIntake.NotSent, Detail = $"The conversation could not be started: {started.Message}" });
            await db.SaveChangesAsync(cancellationToken);
        }

        // The customer's request is a new message on a new ticket: intake, routing, SLA and the live inbox pick it up.
        await events.PublishAsync(new MessageAdded(ticketId, messageId, NewTicket: true));
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            return new LeadCreated(ticketId, started.Succeeded, (await ApiTicketQueries.GetAsync(db, ticketId, cancellationToken))!);
        }
    }
}
