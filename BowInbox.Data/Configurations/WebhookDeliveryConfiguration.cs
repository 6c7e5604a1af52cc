using BowInbox.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.LockedBy).HasMaxLength(64);
        builder.Property(d => d.LastError).HasMaxLength(WebhookAttempt.MaxErrorLength);

        // An event reaches a subscription once, however often (and on however many servers) fan-out runs.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });

        // The order check: an earlier unfinished delivery of the same ticket to the same subscription.
        builder.HasIndex(d => new { d.SubscriptionId, d.TicketId, d.Status });
    }
}
