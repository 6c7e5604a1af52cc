using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ExternalReferenceConfiguration : IEntityTypeConfiguration<ExternalReference>
{
    public void Configure(EntityTypeBuilder<ExternalReference> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Kind).HasMaxLength(ExternalReference.MaxKindLength).IsRequired();
        builder.Property(r => r.Value).HasMaxLength(ExternalReference.MaxValueLength).IsRequired();
        builder.HasIndex(r => new { r.TicketId, r.Kind, r.Value }).IsUnique();

        // The API's filter and the inbox search find tickets by reference.
        builder.HasIndex(r => new { r.Kind, r.Value });
        builder.HasIndex(r => r.Value);
    }
}
