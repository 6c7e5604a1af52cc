using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;

namespace BowInbox.Web.Relay;

/// <summary>Opens and closes relay sessions and allocates pool numbers (implemented by the relay feature).</summary>
public interface IRelaySessions
{
    /// <summary>A pool number on which the provider has no open session, or null when every pool number is in use for them.</summary>
    Task<string?> AllocatePoolNumberAsync(InboxDbContext db, int providerId, CancellationToken cancellationToken);

    /// <summary>
    /// Binds ticket, customer and provider on <paramref name="poolPhoneNumberId"/> (closing the ticket's
    /// other open sessions), queues the provider's briefing and the customer's "who is coming" message.
    /// Runs in the caller's unit of work; the caller saves and commits.
    /// </summary>
    Task<RelaySession> OpenAsync(InboxDbContext db, Ticket ticket, Provider provider, string poolPhoneNumberId, CancellationToken cancellationToken);

    /// <summary>Closes the ticket's open sessions (resolution, reassignment). Caller saves.</summary>
    Task CloseAsync(InboxDbContext db, int ticketId, string reason, CancellationToken cancellationToken);
}

/// <summary>What a provider sent to a pool number, for command handlers to act on before anything is relayed.</summary>
public sealed record ProviderCommandContext(
    InboxDbContext Db,
    Provider Provider,
    string PoolPhoneNumberId,
    InboundMessage Message,
    string Text,
    string? ReplyId,
    string? ContextWamid);

/// <summary>
/// Handles provider commands and button answers on pool numbers (<c>/accept</c>, <c>/done</c>, ...).
/// The relay asks every handler, in registration order, before relaying; a handled message is never relayed.
/// Only commands (text starting with <c>/</c> and a letter) and button or list answers are offered: any other
/// message with a session to go to is relayed without asking the handlers.
/// </summary>
public interface IProviderCommandHandler
{
    Task<bool> TryHandleAsync(ProviderCommandContext context, CancellationToken cancellationToken);

    /// <summary>Lines for <c>/help</c>, e.g. "/accept 42 – take job #42".</summary>
    IEnumerable<string> HelpLines { get; }
}

/// <summary>
/// A command handler whose work runs in its own units of work (accepting an offer routes, notifies and may open
/// a session), so it cannot run inside the inbound transaction. The relay holds a message such a handler claims
/// and <see cref="DeferredCommandDispatcher"/> hands it over once the message is committed.
/// </summary>
public interface IDeferredProviderCommandHandler : IProviderCommandHandler
{
    /// <summary>Whether this is a command the handler owns; decided from the message alone, without I/O.</summary>
    bool Claims(ProviderCommandContext context);
}
