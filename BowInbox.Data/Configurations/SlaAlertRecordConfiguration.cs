using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class SlaAlertRecordConfiguration : IEntityTypeConfiguration<SlaAlertRecord>
{
    public void Configure(EntityTypeBuilder<SlaAlertRecord> builder)
    {
        builder.ToTable("SlaAlerts");
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Responsible).HasMaxLength(200);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.AcknowledgeNote).HasMaxLength(2000);
        builder.HasIndex(a => new { a.TicketId, a.Kind, a.Level, a.DueAt }).IsUnique();
        builder.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
    }
}
