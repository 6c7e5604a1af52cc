using BowInbox.Core.Widget;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class WidgetKeyConfiguration : IEntityTypeConfiguration<WidgetKey>
{
    public void Configure(EntityTypeBuilder<WidgetKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.PublicKey).HasMaxLength(32).IsRequired();
        builder.HasIndex(k => k.PublicKey).IsUnique();
        builder.Property(k => k.AllowedOrigins).HasMaxLength(2000).IsRequired();
        builder.Property(k => k.Color).HasMaxLength(7).IsRequired();
        builder.Property(k => k.Greeting).HasMaxLength(WidgetSettings.MaxGreetingLength).IsRequired();
        builder.Property(k => k.Language).HasMaxLength(8).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.OriginList);
    }
}
