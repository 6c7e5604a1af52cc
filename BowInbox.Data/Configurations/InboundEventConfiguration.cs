using BowInbox.Core.Channel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.Property(e => e.Payload).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => e.ProcessedAt);
        builder.Property(e => e.DeliveryHash).HasMaxLength(64);
        builder.HasIndex(e => e.DeliveryHash).IsUnique();
    }
}
