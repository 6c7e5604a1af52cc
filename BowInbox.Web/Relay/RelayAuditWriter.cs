using BowInbox.Web.Audit;
using BowInbox.Web.Live;

namespace BowInbox.Web.Relay;

/// <summary>Writes the audit entry for a provider paused by the contact-leak threshold, once the pause is committed.</summary>
public sealed class RelayAuditWriter(InboxEvents events, AuditLog audit) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe(OnChangeAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task OnChangeAsync(InboxChange change)
        => change is ProviderPaused paused
            ? audit.WriteAsync("BowInbox", AuditActions.ProviderPaused, $"provider:{paused.ProviderId}", $"{paused.ProviderName} on ticket #{paused.TicketId}: {paused.Reason}")
            : Task.CompletedTask;
}
