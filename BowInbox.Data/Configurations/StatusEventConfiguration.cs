using BowInbox.Core.Channel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class StatusEventConfiguration : IEntityTypeConfiguration<StatusEvent>
{
    public void Configure(EntityTypeBuilder<StatusEvent> builder)
    {
        builder.Property(s => s.Wamid).HasMaxLength(128).IsRequired();
        builder.Property(s => s.ErrorTitle).HasMaxLength(500);
        builder.Property(s => s.PricingCategory).HasMaxLength(32);
        builder.Property(s => s.PricingType).HasMaxLength(32);
        builder.Property(s => s.PricingModel).HasMaxLength(32);
        builder.HasIndex(s => new { s.Wamid, s.Status }).IsUnique();
    }
}
