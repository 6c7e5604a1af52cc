using BowInbox.Core.Review;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class HeldItemConfiguration : IEntityTypeConfiguration<HeldItem>
{
    public void Configure(EntityTypeBuilder<HeldItem> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.Detail).HasMaxLength(500).IsRequired();
        builder.Property(h => h.SendFrom).HasMaxLength(64).IsRequired();
        builder.Property(h => h.SendToProtected).IsRequired();
        builder.Property(h => h.SendToHash).HasMaxLength(128).IsRequired();
        builder.Property(h => h.PayloadProtected).IsRequired();
        builder.Property(h => h.SenderFrom).HasMaxLength(64).IsRequired();
        builder.Property(h => h.SenderProtected).IsRequired();
        builder.Property(h => h.SenderHash).HasMaxLength(128).IsRequired();
        builder.Property(h => h.MediaId).HasMaxLength(256);
        builder.Property(h => h.MediaMimeType).HasMaxLength(256);
        builder.Property(h => h.DecidedBy).HasMaxLength(256);
        builder.HasIndex(h => new { h.Status, h.DueAt });
        builder.HasIndex(h => h.TicketId);
    }
}
