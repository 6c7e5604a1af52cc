using BowInbox.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.WhatsAppHash).HasMaxLength(64);
        builder.Property(u => u.WhatsAppProtected).HasMaxLength(512);
        builder.HasIndex(u => u.WhatsAppHash);
    }
}
