using BowInbox.Core.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        builder.Property(c => c.Shortcut).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Shortcut).IsUnique();
        builder.Property(c => c.Text).HasMaxLength(4096).IsRequired();
    }
}
