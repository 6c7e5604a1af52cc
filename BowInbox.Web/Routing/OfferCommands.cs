using System.Globalization;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Data;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// A provider's answers on WhatsApp: <c>/accept</c>, <c>/accept 42</c>, <c>/decline</c>, <c>/decline 42</c>, the
/// offer's buttons and template quick replies, and <c>/away</c> / <c>/online</c>. Works in its own units of work
/// and answers the provider on the pool number they wrote to.
/// </summary>
public sealed class OfferCommands(
    IDbContextFactory<InboxDbContext> contexts,
    OfferResponses responses,
    ProviderAvailabilityChanges availability,
    ProviderNotices notices,
    BowInbox.Web.WhatsApp.OutboxWriter outbox) : IDeferredProviderCommandHandler
{
    public IEnumerable<string> HelpLines =>
    [
        "/accept – take the job offered to you (/accept 42 for job #42)",
        "/decline – pass on the offer (/decline 42 for job #42)",
        "/away – stop receiving new offers",
        "/online – receive new offers again",
    ];

    public bool Claims(ProviderCommandContext context)
    {
        if (ButtonOffer(context.ReplyId) is not null)
        {
            return true;
        }

        var first = context.Text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
        return first is "/accept" or "/decline" or "/away" or "/online";
    }

    public async Task<bool> TryHandleAsync(ProviderCommandContext context, CancellationToken cancellationToken)
    {
        var answer = await AnswerAsync(context, cancellationToken);
        if (answer is null)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await notices.ReplyAsync(db, context.Provider, context.PoolPhoneNumberId, answer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.NotifySender();
        return true;
    }

    private async Task<string?> AnswerAsync(ProviderCommandContext context, CancellationToken cancellationToken)
    {
        if (ButtonOffer(context.ReplyId) is { } button)
        {
            return await RespondAsync(button.OfferId, button.Accept, context.Provider.Id, cancellationToken);
        }

        var words = context.Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || !words[0].StartsWith('/'))
        {
            return null;
        }

        switch (words[0].ToLowerInvariant())
        {
            case "/away":
                return (await availability.SetAsync(context.Provider.Id, ProviderAvailability.Away, cancellationToken)).Message;
            case "/online":
                return (await availability.SetAsync(context.Provider.Id, ProviderAvailability.Online, cancellationToken)).Message;
            case "/accept" or "/decline":
                var accept = words[0].Equals("/accept", StringComparison.OrdinalIgnoreCase);
                if (words.Length > 1 && !int.TryParse(words[1].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return $"Write {words[0]} followed by the job number, e.g. {words[0]} 42.";
                }

                int? jobNumber = words.Length > 1 ? int.Parse(words[1].TrimStart('#'), CultureInfo.InvariantCulture) : null;
                var (offerId, problem) = await FindOfferAsync(context, jobNumber, words[0], cancellationToken);
                return offerId is { } id ? await RespondAsync(id, accept, context.Provider.Id, cancellationToken) : problem;
            default:
                return null;
        }
    }

    private async Task<string> RespondAsync(long offerId, bool accept, int providerId, CancellationToken cancellationToken)
    {
        var result = accept
            ? await responses.AcceptAsync(offerId, providerId, cancellationToken)
            : await responses.DeclineAsync(offerId, providerId, cancellationToken);
        return result.Answer == OfferAnswer.Accepted
            ? $"Job #{result.TicketId} is yours. The customer has been told you are coming."
            : result.Message;
    }

    // Which offer a bare /accept means: the one the reply quotes, else the only open one (on this number first).
    private async Task<(long? OfferId, string? Problem)> FindOfferAsync(ProviderCommandContext context, int? jobNumber, string command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var providerId = context.Provider.Id;
        if (jobNumber is { } job)
        {
            var forJob = await db.Offers.AsNoTracking().Where(o => o.ProviderId == providerId && o.TicketId == job)
                .OrderByDescending(o => o.Status == OfferStatus.Pending).ThenByDescending(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken);
            return forJob is null ? (null, $"You have no offer for job #{job}.") : (forJob, null);
        }

        if (await OfferWamids.QuotedAsync(db, context.ContextWamid, providerId, cancellationToken) is { } quoted)
        {
            return (quoted.Id, null);
        }

        var pending = await db.Offers.AsNoTracking().Where(o => o.ProviderId == providerId && o.Status == OfferStatus.Pending)
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var onThisNumber = pending.Where(o => o.PoolPhoneNumberId == context.PoolPhoneNumberId).ToList();
        return (pending.Count, onThisNumber.Count) switch
        {
            (0, _) => (null, "You have no open offers right now."),
            (1, _) => (pending[0].Id, null),
            (_, 1) => (onThisNumber[0].Id, null),
            _ => (null, $"You have {pending.Count} open offers: " + string.Join(", ", pending.Select(o => $"{command} {o.TicketId}")) + "."),
        };
    }

    private static (long OfferId, bool Accept)? ButtonOffer(string? replyId)
    {
        if (replyId is null)
        {
            return null;
        }

        var accept = replyId.StartsWith(OfferText.AcceptPrefix, StringComparison.Ordinal);
        if (!accept && !replyId.StartsWith(OfferText.DeclinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = replyId[(accept ? OfferText.AcceptPrefix : OfferText.DeclinePrefix).Length..];
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var offerId) ? (offerId, accept) : null;
    }
}
