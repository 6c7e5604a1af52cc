using BowInbox.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.Property(i => i.MediaId).HasMaxLength(128).IsRequired();
        builder.Property(i => i.MimeType).HasMaxLength(128);
        builder.Property(i => i.LastFailure).HasMaxLength(64);
        builder.HasIndex(i => i.MediaId).IsUnique();
        builder.HasIndex(i => new { i.Status, i.NextAttemptAt });
    }
}
