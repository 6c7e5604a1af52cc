using System.Threading.Channels;
using BowInbox.Web.Live;

namespace BowInbox.Web.Sla;

/// <summary>
/// Recomputes a ticket's stored SLA clock after every inbox event (message in or out, offer, acceptance, status
/// change). Publishers only enqueue; when the stored clock changed, a <see cref="TicketChanged"/> tells the live
/// inbox, whose chips then show the new due time. The monitor job repairs anything dropped here.
/// </summary>
public sealed class SlaClockUpdater(InboxEvents events, SlaClockRecalculator recalculator, ILogger<SlaClockUpdater> logger) : BackgroundService
{
    public const string ClockChanged = "sla";

    private readonly Channel<int> queue = Channel.CreateBounded<int>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private IDisposable? subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe(Enqueue);
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var ticketId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await recalculator.RecomputeAsync(ticketId, stoppingToken))
                {
                    await events.PublishAsync(new TicketChanged(ticketId, ClockChanged));
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The SLA clock of ticket {TicketId} was not recomputed", ticketId);
            }
        }
    }

    private Task Enqueue(InboxChange change)
    {
        // Our own "clock changed" event carries no new fact; recomputing it would only confirm what was written.
        if (change is not TicketChanged { What: ClockChanged } && !queue.Writer.TryWrite(change.TicketId))
        {
            logger.LogWarning("SLA clock updates are behind; ticket {TicketId} waits for the monitor job", change.TicketId);
        }

        return Task.CompletedTask;
    }
}
