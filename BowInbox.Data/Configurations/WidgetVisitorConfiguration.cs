using BowInbox.Core.Contacts;
using BowInbox.Core.Tickets;
using BowInbox.Core.Widget;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class WidgetVisitorConfiguration : IEntityTypeConfiguration<WidgetVisitor>
{
    public void Configure(EntityTypeBuilder<WidgetVisitor> builder)
    {
        builder.HasOne<WidgetKey>().WithMany().HasForeignKey(v => v.WidgetKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(v => v.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.EmailHash).HasMaxLength(64);
        builder.Property(v => v.EmailProtected).HasMaxLength(1024);
        builder.Property(v => v.HandoverCodeHash).HasMaxLength(64);
        builder.HasIndex(v => v.HandoverCodeHash);
        builder.HasIndex(v => v.TicketId);
        builder.Ignore(v => v.HasMoved);
    }
}
