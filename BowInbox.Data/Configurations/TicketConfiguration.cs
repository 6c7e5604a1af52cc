using BowInbox.Core.Insurance;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasOne(t => t.Contact).WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Group).WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.Provider).WithMany().HasForeignKey(t => t.ProviderId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AssigneeUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Insurer>().WithMany().HasForeignKey(t => t.InsurerId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(t => t.Channel).HasMaxLength(32).IsRequired();
        builder.Property(t => t.ServiceType).HasMaxLength(100);
        builder.Property(t => t.Area).HasMaxLength(100);
        builder.Property(t => t.Notes).HasMaxLength(4000);
        builder.Property(t => t.LastMessagePreview).HasMaxLength(200);
        builder.Ignore(t => t.IsOpen);

        // The inbox list: newest activity first, filtered by status; and a contact's open ticket.
        builder.HasIndex(t => new { t.Status, t.LastActivityAt });
        builder.HasIndex(t => t.LastActivityAt);
        builder.HasIndex(t => new { t.ContactId, t.Status });
        builder.HasIndex(t => new { t.AssigneeUserId, t.LastActivityAt });
        builder.HasIndex(t => new { t.ProviderId, t.Status });
        builder.HasIndex(t => new { t.Status, t.SlaDueAt });
        builder.Property(t => t.RoutingExplanation).HasMaxLength(2000);
        builder.Property(t => t.ArrivalWindowZone).HasMaxLength(64);
    }
}
