using BowInbox.Core.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.KeyId).HasMaxLength(32).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.Scopes).HasMaxLength(200).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(256);
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.ScopeList);
        builder.HasIndex(k => k.KeyId).IsUnique();
    }
}
