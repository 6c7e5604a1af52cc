using BowInbox.Core.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class SmsOptOutConfiguration : IEntityTypeConfiguration<SmsOptOut>
{
    public void Configure(EntityTypeBuilder<SmsOptOut> builder)
    {
        builder.Property(o => o.NumberHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(o => o.NumberHash).IsUnique();
    }
}
