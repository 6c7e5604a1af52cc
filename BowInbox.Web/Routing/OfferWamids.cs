using System.Threading.Channels;
using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Copies the wamid of a sent offer message onto its offer, so a provider's reply quoting it finds the offer.
/// The offer's copy in the thread is written at the offer's own timestamp on its pool number, which is what joins them.
/// </summary>
public sealed class OfferWamids(InboxEvents events, IDbContextFactory<InboxDbContext> contexts, ILogger<OfferWamids> logger) : BackgroundService
{
    private readonly Channel<long> sent = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe(change =>
        {
            if (change is MessageStatusChanged status)
            {
                sent.Writer.TryWrite(status.MessageId);
            }

            return Task.CompletedTask;
        });
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
        await foreach (var messageId in sent.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await CopyAsync(messageId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The wamid of message {MessageId} was not copied to its offer", messageId);
            }
        }
    }

    public async Task CopyAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Direction == MessageDirection.ToProvider && m.Wamid != null)
            .Select(m => new { m.TicketId, m.PhoneNumberId, m.CreatedAt, m.Wamid }).FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return;
        }

        await db.Offers.Where(o => o.TicketId == message.TicketId && o.PoolPhoneNumberId == message.PhoneNumberId && o.OfferedAt == message.CreatedAt && o.Wamid == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Wamid, message.Wamid), cancellationToken);
    }

    /// <summary>The offer a reply quotes: by the offer's stored wamid, or through its message when the copy has not happened yet.</summary>
    public static async Task<Offer?> QuotedAsync(InboxDbContext db, string? contextWamid, int providerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(contextWamid))
        {
            return null;
        }

        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Wamid == contextWamid && o.ProviderId == providerId, cancellationToken);
        if (offer is not null)
        {
            return offer;
        }

        var message = await db.Messages.AsNoTracking().Where(m => m.Wamid == contextWamid && m.Direction == MessageDirection.ToProvider)
            .Select(m => new { m.TicketId, m.PhoneNumberId, m.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        return message is null
            ? null
            : await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.TicketId == message.TicketId && o.ProviderId == providerId && o.OfferedAt == message.CreatedAt, cancellationToken);
    }
}
