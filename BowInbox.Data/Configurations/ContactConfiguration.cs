using BowInbox.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.WaIdHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.WaIdHash).IsUnique();
        builder.Property(c => c.UserIdHash).HasMaxLength(64);
        builder.HasIndex(c => c.UserIdHash).IsUnique();
        builder.Property(c => c.UserIdProtected).HasMaxLength(512);
        builder.Property(c => c.ParentUserIdHash).HasMaxLength(64);
        builder.HasIndex(c => c.ParentUserIdHash);
        builder.Property(c => c.ParentUserIdProtected).HasMaxLength(512);
        builder.Property(c => c.WaIdProtected).HasMaxLength(512).IsRequired();
        builder.Property(c => c.ProfileName).HasMaxLength(200);
        builder.Property(c => c.Channel).HasMaxLength(32).IsRequired().HasDefaultValue(BowInbox.Core.Tickets.TicketChannels.WhatsApp);
        builder.Property(c => c.Alias).HasMaxLength(16).IsRequired();
        builder.Property(c => c.PauseReason).HasMaxLength(500);
        builder.Ignore(c => c.IsPaused);
        builder.HasIndex(c => c.Alias).IsUnique();
        builder.Ignore(c => c.FirstName);
    }
}
