using BowInbox.Core.Providers;
using BowInbox.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.WaIdHash).HasMaxLength(64);
        builder.HasIndex(p => p.WaIdHash).IsUnique();
        builder.Property(p => p.UserIdHash).HasMaxLength(64);
        builder.HasIndex(p => p.UserIdHash).IsUnique();
        builder.Property(p => p.UserIdProtected).HasMaxLength(512);
        builder.Property(p => p.ParentUserIdHash).HasMaxLength(64);
        builder.HasIndex(p => p.ParentUserIdHash);
        builder.Property(p => p.ParentUserIdProtected).HasMaxLength(512);
        builder.Property(p => p.WaIdProtected).HasMaxLength(512);
        builder.Property(p => p.PauseReason).HasMaxLength(500);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Ignore(p => p.FirstName);
    }
}
