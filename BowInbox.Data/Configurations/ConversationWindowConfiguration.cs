using BowInbox.Core.Channel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ConversationWindowConfiguration : IEntityTypeConfiguration<ConversationWindow>
{
    public void Configure(EntityTypeBuilder<ConversationWindow> builder)
    {
        builder.Property(w => w.PhoneNumberId).HasMaxLength(32).IsRequired();
        builder.Property(w => w.WaIdHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(w => new { w.PhoneNumberId, w.WaIdHash }).IsUnique();
    }
}
