using System.Security.Claims;
using BowInbox.Core.Ai;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Ai;

public enum AiOutcome
{
    /// <summary>The AI answered; the value is masked text for staff to read, insert or edit.</summary>
    Suggested,

    /// <summary>AI unset, or this use of it switched off.</summary>
    Off,

    /// <summary>The user may not see the ticket.</summary>
    Denied,

    /// <summary>The AI gave nothing usable (timed out, failed, unreadable); the reason is logged.</summary>
    NoSuggestion,
}

public sealed record AiAnswer<T>(AiOutcome Outcome, T? Value);

/// <summary>
/// The AI on demand in the inbox: a summary for the details pane, suggested replies for the composer, a handoff note
/// for a reassignment. Each checks that the user may see the ticket (<see cref="TicketAccess"/>) before anything is
/// read, sends only the masked conversation, and never sends or saves anything itself.
/// </summary>
public sealed class AiAssistant(IAiChat chat, IOptions<AiOptions> options, IDbContextFactory<InboxDbContext> contexts)
{
    public bool Offers(AiPurpose purpose) => options.Value.Offers(purpose);

    public Task<AiAnswer<string>> SummaryAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
        => AskAsync(user, ticketId, AiPurpose.Summary, AiPrompts.Summary, (answer, names) => AiAnswers.Text(answer, names), cancellationToken);

    public Task<AiAnswer<IReadOnlyList<string>>> SuggestedRepliesAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
        => AskAsync(user, ticketId, AiPurpose.SuggestedReplies, AiPrompts.SuggestedReplies,
            (answer, names) => AiAnswers.Suggestions(answer, names) is { Count: > 0 } replies ? replies : null, cancellationToken);

    public Task<AiAnswer<string>> HandoffNoteAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
        => AskAsync(user, ticketId, AiPurpose.HandoffNote, AiPrompts.HandoffNote, (answer, names) => AiAnswers.Text(answer, names, 300), cancellationToken);

    private async Task<AiAnswer<T>> AskAsync<T>(
        ClaimsPrincipal user, int ticketId, AiPurpose purpose, string instructions, Func<string, IReadOnlyCollection<AiAlias>, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        if (!Offers(purpose))
        {
            return new(AiOutcome.Off, null);
        }

        AiConversation? conversation;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await TicketAccess.Visible(db, user).AnyAsync(t => t.Id == ticketId, cancellationToken))
            {
                return new(AiOutcome.Denied, null);
            }

            conversation = await AiConversations.LoadAsync(db, ticketId, cancellationToken);
        }

        if (conversation is null || conversation.Transcript.Length == 0)
        {
            return new(AiOutcome.NoSuggestion, null);
        }

        var answer = await chat.AskAsync(purpose, ticketId, instructions, conversation.Transcript, cancellationToken);
        var value = answer is null ? null : read(answer, conversation.Names);
        return value is null ? new(AiOutcome.NoSuggestion, null) : new(AiOutcome.Suggested, value);
    }
}
