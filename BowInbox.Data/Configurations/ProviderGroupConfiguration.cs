using BowInbox.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ProviderGroupConfiguration : IEntityTypeConfiguration<ProviderGroup>
{
    public void Configure(EntityTypeBuilder<ProviderGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.ServiceType).HasMaxLength(100).IsRequired();
        builder.Property(g => g.Area).HasMaxLength(100).IsRequired();
        builder.Property(g => g.RoundRobinCursor).IsConcurrencyToken();
    }
}
