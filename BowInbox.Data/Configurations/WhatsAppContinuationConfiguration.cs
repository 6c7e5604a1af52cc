using BowInbox.Core.Sms;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class WhatsAppContinuationConfiguration : IEntityTypeConfiguration<WhatsAppContinuation>
{
    public void Configure(EntityTypeBuilder<WhatsAppContinuation> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Code).HasMaxLength(16).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
    }
}
