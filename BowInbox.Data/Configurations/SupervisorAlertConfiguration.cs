using BowInbox.Core.Alerts;
using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class SupervisorAlertConfiguration : IEntityTypeConfiguration<SupervisorAlert>
{
    public void Configure(EntityTypeBuilder<SupervisorAlert> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Key).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(SupervisorAlert.MaxSummaryLength).IsRequired();
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.AcknowledgeNote).HasMaxLength(2000);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
    }
}
