using BowInbox.Core.Ai;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Ai;

/// <summary>A ticket's conversation as the AI may see it: masked, people by role, and the names to keep masking with.</summary>
public sealed record AiConversation(string Transcript, IReadOnlyCollection<AiAlias> Names);

/// <summary>Reads a ticket's recent messages and the names of everyone in them, for masking before any AI call.</summary>
public static class AiConversations
{
    private const int RecentMessages = 40;

    public static async Task<AiConversation?> LoadAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken, long? upToMessageId = null)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Contact!.ProfileName, Provider = t.Provider != null ? t.Provider.DisplayName : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var messages = (await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Text != null && (upToMessageId == null || m.Id <= upToMessageId))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(RecentMessages)
            .Select(m => new { m.Direction, m.Text, m.AuthorName })
            .ToListAsync(cancellationToken)).AsEnumerable().Reverse().ToList();

        // Every technician ever offered the job is named in its messages or timeline at some point.
        var technicians = await db.Providers.AsNoTracking().Where(p => db.Offers.Any(o => o.TicketId == ticketId && o.ProviderId == p.Id)).Select(p => p.DisplayName).ToListAsync(cancellationToken);
        var names = new List<AiAlias> { new(ticket.ProfileName ?? "", AiMask.Customer), new(ticket.Provider ?? "", AiMask.Technician) };
        names.AddRange(technicians.Select(n => new AiAlias(n, AiMask.Technician)));
        names.AddRange(messages.Where(m => !string.IsNullOrWhiteSpace(m.AuthorName)).Select(m => new AiAlias(m.AuthorName,
            m.Direction switch
            {
                MessageDirection.FromCustomer => AiMask.Customer,
                MessageDirection.FromProvider => AiMask.Technician,
                _ => AiMask.Agent,
            })));
        var transcript = AiTranscript.Build(messages.Select(m => new AiLine(m.Direction, m.Text!)), names);
        return new AiConversation(transcript, names);
    }
}
