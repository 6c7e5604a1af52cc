using BowInbox.Core.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Key).HasMaxLength(255).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ResponseBody).IsRequired();
        builder.Ignore(r => r.IsComplete);

        // One answer per key and Idempotency-Key: the second writer of a pair fails here instead of acting twice.
        builder.HasIndex(r => new { r.ApiKeyId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
