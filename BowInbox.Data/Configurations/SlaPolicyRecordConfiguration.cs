using BowInbox.Core.Providers;
using BowInbox.Core.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class SlaPolicyRecordConfiguration : IEntityTypeConfiguration<SlaPolicyRecord>
{
    public void Configure(EntityTypeBuilder<SlaPolicyRecord> builder)
    {
        builder.ToTable("SlaPolicies");
        builder.HasOne<ProviderGroup>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.TargetsJson).IsRequired();
        builder.Property(p => p.CalendarJson).IsRequired();
        builder.HasIndex(p => new { p.GroupId, p.Urgency }).IsUnique();
    }
}
