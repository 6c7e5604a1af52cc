using System.Globalization;
using BowInbox.Core.Relay;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// <c>/eta 14:00-16:00</c>, <c>/eta tomorrow 9-11</c>, <c>/eta 42 9-11</c> on a pool number: the technician confirms
/// (or changes) when he will arrive. Only his own open jobs on that number can be given a window; the job is the
/// quoted message's, the one given by number, or the only one on the number.
/// </summary>
public sealed class ArrivalWindowCommand(ArrivalWindows windows, RelayDelivery delivery) : IProviderCommandHandler
{
    public IEnumerable<string> HelpLines =>
    [
        "/eta 14:00-16:00 – tell the customer when you will arrive (/eta tomorrow 9-11, /eta 42 9-11 for job #42)",
    ];

    public async Task<bool> TryHandleAsync(ProviderCommandContext context, CancellationToken cancellationToken)
    {
        if (!RelayText.TryParseCommand(context.Text, out var command, out var argument) || command != "eta")
        {
            return false;
        }

        var to = RelayDelivery.RecipientOf(context.Provider)!;
        var (job, window) = Split(argument);
        var match = await RelaySessionFinder.FindAsync(context.Db, WhatsApp.InboundGroup.Unknown(), context.Provider.Id, context.PoolPhoneNumberId, context.ContextWamid, job, cancellationToken);
        string answer;
        if (match.Session is not { } session)
        {
            answer = job is { } number && match.Candidates.All(c => c.TicketId != number)
                ? $"You have no open job #{number.ToString(CultureInfo.InvariantCulture)} on this number."
                : match.Candidates.Count == 0
                    ? RelayNotices.NoOpenJob
                    : $"Which job? You have {match.Candidates.Count} open jobs on this number: "
                        + string.Join(", ", match.Candidates.Select(c => "#" + c.TicketId.ToString(CultureInfo.InvariantCulture)))
                        + $". Send /eta {match.Candidates[0].TicketId.ToString(CultureInfo.InvariantCulture)} {(window.Length > 0 ? window : "14:00-16:00")}.";
        }
        else
        {
            var ticket = await context.Db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == session.TicketId, cancellationToken);
            answer = (await windows.ConfirmAsync(context.Db, context.Provider, ticket, window, "sent /eta", cancellationToken)).Message;
        }

        await delivery.SendTextAsync(context.Db, context.PoolPhoneNumberId, to, answer, null, null, cancellationToken);
        return true;
    }

    /// <summary>"42 9-11" is job #42's window; "9-11" and "tomorrow 9-11" are the window alone.</summary>
    private static (int? Job, string Window) Split(string argument)
    {
        var parts = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var job)
            ? (job, parts[1])
            : (null, argument);
    }
}
