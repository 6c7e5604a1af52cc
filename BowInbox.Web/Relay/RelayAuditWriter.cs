using BowInbox.Web.Audit;
using BowInbox.Web.Live;
using BowInbox.Web.Offenders;

namespace BowInbox.Web.Relay;

/// <summary>Writes the audit entry for a provider or customer paused by the repeat-offender thresholds, once the pause is committed.</summary>
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

    private Task OnChangeAsync(InboxChange change) => change switch
    {
        ProviderPaused paused => audit.WriteAsync("BowInbox", AuditActions.ProviderPaused, $"provider:{paused.ProviderId}", $"{paused.ProviderName} on ticket #{paused.TicketId}: {paused.Reason}"),
        CustomerPaused paused => audit.WriteAsync("BowInbox", AuditActions.CustomerPaused, $"contact:{paused.ContactId}", $"Customer {paused.Alias} on ticket #{paused.TicketId}: {paused.Reason}"),
        _ => Task.CompletedTask,
    };
}
