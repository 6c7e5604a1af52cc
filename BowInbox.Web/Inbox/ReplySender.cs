using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Inbox;

public enum ReplyOutcome
{
    Queued = 0,
    Invalid = 1,
    WindowClosed = 2,
    NotFound = 3,
}

public sealed record ReplyResult(ReplyOutcome Outcome, string Message, long? MessageId = null)
{
    public bool Succeeded => Outcome == ReplyOutcome.Queued;
}

/// <summary>The author of a staff message as the conversation shows it.</summary>
public sealed record StaffAuthor(string UserId, string DisplayName);

/// <summary>An approved template as one ticket's customer would read it, offered in the inbox's template picker.</summary>
public sealed record TemplatePreview(string Name, string Label, string Text);

/// <summary>
/// Staff writing to a customer from the central number, or leaving an internal note. The message and
/// its outbox row are committed together; the sender delivers it afterwards.
/// </summary>
public sealed class ReplySender(IDbContextFactory<InboxDbContext> contexts, OutboxWriter outbox, ApprovedTemplates templates, InboxEvents events, TimeProvider time)
{
    public static ReplyResult? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReplyResult(ReplyOutcome.Invalid, "Write a message first: empty replies are not sent.");
        }

        if (text.Length > WhatsAppLimits.MaxTextLength)
        {
            return new ReplyResult(ReplyOutcome.Invalid, $"The reply is {text.Length:N0} characters; WhatsApp allows at most {WhatsAppLimits.MaxTextLength:N0}.");
        }

        return null;
    }

    /// <summary>A reply from a signed-in user: staff only, and only on tickets they may see.</summary>
    public async Task<ReplyResult> ReplyAsAsync(System.Security.Claims.ClaimsPrincipal user, StaffAuthor author, int ticketId, string? text, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!TicketAccess.SeesAllTickets(user) || !await TicketAccess.Visible(db, user).AnyAsync(t => t.Id == ticketId, cancellationToken))
            {
                return new ReplyResult(ReplyOutcome.NotFound, "That conversation does not exist or is not yours to answer.");
            }
        }

        return await ReplyAsync(ticketId, text, author, cancellationToken);
    }

    public async Task<ReplyResult> ReplyAsync(int ticketId, string? text, StaffAuthor author, CancellationToken cancellationToken = default)
    {
        if (Validate(text) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.Include(t => t.Contact).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket?.Contact is null)
        {
            return new ReplyResult(ReplyOutcome.NotFound, "That conversation no longer exists.");
        }

        // A web chat visitor reads replies in the widget's panel, which reads them from the database: no WhatsApp send.
        var webChat = ticket.Channel == BowInbox.Core.Tickets.TicketChannels.WebChat;
        var central = webChat ? null : await db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == BowInbox.Core.Numbers.NumberPurpose.Central && n.Active)
            .OrderBy(n => n.Id).Select(n => n.PhoneNumberId).FirstOrDefaultAsync(cancellationToken);
        if (central is null && !webChat)
        {
            return new ReplyResult(ReplyOutcome.Invalid, "No central WhatsApp number is configured; an Admin must add one.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = new Message
        {
            TicketId = ticket.Id,
            Direction = MessageDirection.ToCustomer,
            AuthorUserId = author.UserId,
            AuthorName = author.DisplayName,
            Type = "text",
            Text = text!.Trim(),
            PhoneNumberId = central,
            Status = webChat ? DeliveryStatus.Sent : DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        var recipient = new Recipient(ticket.Contact.WaIdProtected, ticket.Contact.WaIdHash);
        if (!webChat && await outbox.EnqueueTextAsync(db, central!, recipient, message.Text, message.Id, cancellationToken) == EnqueueResult.WindowClosed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ReplyResult(ReplyOutcome.WindowClosed, "The customer last wrote more than 24 hours ago: WhatsApp only allows an approved template now.");
        }

        ticket.LastActivityAt = now;
        ticket.WaitingSince = null;
        ticket.FirstHumanReplyAt ??= now;
        ticket.ShowLatest(message.Text);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.NotifySender();
        await events.PublishAsync(new MessageAdded(ticket.Id, message.Id, NewTicket: false));
        return new ReplyResult(ReplyOutcome.Queued, "Reply queued.", message.Id);
    }

    /// <summary>Sends an approved template, which WhatsApp allows even when the 24-hour window is closed.</summary>
    /// <summary>The approved templates rendered for the ticket's customer (first name, job number); empty when the caller may not see it.</summary>
    public async Task<IReadOnlyList<TemplatePreview>> PreviewTemplatesAsync(System.Security.Claims.ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var firstName = await TicketAccess.Visible(db, user).Where(t => t.Id == ticketId).Select(t => t.Contact!.FirstName).FirstOrDefaultAsync(cancellationToken);
        return firstName is null ? [] : templates.ForCustomers.Select(t => new TemplatePreview(t.Name, t.Label, t.Render(Parameters(firstName, ticketId)))).ToList();
    }

    /// <summary>A staff member sending a template from the inbox: only to a ticket they may see.</summary>
    public async Task<ReplyResult> SendTemplateAsync(System.Security.Claims.ClaimsPrincipal user, int ticketId, string templateName, StaffAuthor author, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await TicketAccess.Visible(db, user).AnyAsync(t => t.Id == ticketId, cancellationToken))
            {
                return new ReplyResult(ReplyOutcome.NotFound, "That conversation does not exist or is not yours to answer.");
            }
        }

        return await SendTemplateAsync(ticketId, templateName, author, cancellationToken);
    }

    private static string[] Parameters(string firstName, int ticketId) => [firstName, ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public async Task<ReplyResult> SendTemplateAsync(int ticketId, string templateName, StaffAuthor author, CancellationToken cancellationToken = default)
    {
        var template = templates.Find(templateName);
        if (template is null)
        {
            return new ReplyResult(ReplyOutcome.Invalid, $"'{templateName}' is not an approved template.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.Include(t => t.Contact).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        var central = await db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == BowInbox.Core.Numbers.NumberPurpose.Central && n.Active)
            .OrderBy(n => n.Id).Select(n => n.PhoneNumberId).FirstOrDefaultAsync(cancellationToken);
        if (ticket?.Contact is null || central is null)
        {
            return new ReplyResult(ReplyOutcome.NotFound, "That conversation no longer exists.");
        }

        var parameters = Parameters(ticket.Contact.FirstName, ticket.Id);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = new Message
        {
            TicketId = ticket.Id,
            Direction = MessageDirection.ToCustomer,
            AuthorUserId = author.UserId,
            AuthorName = author.DisplayName,
            Type = "template",
            Text = template.Render(parameters),
            PhoneNumberId = central,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        outbox.EnqueueTemplate(db, central, new Recipient(ticket.Contact.WaIdProtected, ticket.Contact.WaIdHash), template.Payload(parameters), message.Id);
        ticket.LastActivityAt = now;
        ticket.ShowLatest(message.Text);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.NotifySender();
        await events.PublishAsync(new MessageAdded(ticket.Id, message.Id, NewTicket: false));
        return new ReplyResult(ReplyOutcome.Queued, $"Template '{template.Label}' queued.", message.Id);
    }
}
