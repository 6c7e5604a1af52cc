using BowInbox.Core.Channel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class UnroutedMessageConfiguration : IEntityTypeConfiguration<UnroutedMessage>
{
    public void Configure(EntityTypeBuilder<UnroutedMessage> builder)
    {
        builder.Property(m => m.Wamid).HasMaxLength(128).IsRequired();
        builder.HasIndex(m => m.Wamid).IsUnique();
        builder.Property(m => m.PhoneNumberId).HasMaxLength(32).IsRequired();
        builder.Property(m => m.FromHash).HasMaxLength(64).IsRequired();
        builder.Property(m => m.FromProtected).HasMaxLength(512).IsRequired();
        builder.Property(m => m.Type).HasMaxLength(32).IsRequired();
        builder.Property(m => m.ContextWamid).HasMaxLength(128);
        builder.Property(m => m.RawJson).IsRequired();
        builder.HasIndex(m => new { m.HandledAt, m.ReceivedAt });
    }
}
