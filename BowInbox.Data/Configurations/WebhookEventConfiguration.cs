using BowInbox.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.Property(e => e.EventId).HasMaxLength(40).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(40).IsRequired();
        builder.HasIndex(e => e.EventId).IsUnique();

        // Fan-out reads the events not yet fanned out, oldest first.
        builder.HasIndex(e => new { e.FannedOutAt, e.Id });
        builder.HasOne(e => e.Ticket).WithMany().HasForeignKey(e => e.TicketId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Message).WithMany().HasForeignKey(e => e.MessageId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Offer).WithMany().HasForeignKey(e => e.OfferId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Session).WithMany().HasForeignKey(e => e.SessionId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Violation).WithMany().HasForeignKey(e => e.ViolationId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.SlaAlert).WithMany().HasForeignKey(e => e.SlaAlertId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
    }
}
