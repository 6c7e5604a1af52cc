using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.HeldReason).HasMaxLength(100);
        builder.Property(m => m.AuthorUserId).HasMaxLength(450);
        builder.Property(m => m.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Type).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Wamid).HasMaxLength(128);
        builder.Property(m => m.PhoneNumberId).HasMaxLength(32);
        builder.Property(m => m.ErrorTitle).HasMaxLength(500);
        builder.Property(m => m.MediaId).HasMaxLength(128);
        builder.Property(m => m.MediaMimeType).HasMaxLength(128);
        builder.Property(m => m.LocationName).HasMaxLength(500);
        builder.Property(m => m.ContextWamid).HasMaxLength(128);
        builder.Property(m => m.PricingCategory).HasMaxLength(32);
        builder.Property(m => m.PricingType).HasMaxLength(32);
        builder.Property(m => m.PricingModel).HasMaxLength(32);

        // A wamid is stored once: concurrent deliveries of the same webhook race on this index, not on a query.
        builder.HasIndex(m => m.Wamid).IsUnique();
        builder.HasIndex(m => m.MediaId);
        builder.HasIndex(m => new { m.TicketId, m.CreatedAt });
    }
}
