using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class PolicyViolationConfiguration : IEntityTypeConfiguration<PolicyViolation>
{
    public void Configure(EntityTypeBuilder<PolicyViolation> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Found).HasMaxLength(500).IsRequired();
        builder.HasIndex(v => new { v.TicketId, v.At });
        builder.HasIndex(v => new { v.ProviderId, v.At });
        builder.HasIndex(v => v.At);
    }
}
