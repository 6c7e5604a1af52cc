using BowInbox.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ProviderGroupMemberConfiguration : IEntityTypeConfiguration<ProviderGroupMember>
{
    public void Configure(EntityTypeBuilder<ProviderGroupMember> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.ProviderId });
        builder.HasOne(m => m.Group).WithMany(g => g.Members).HasForeignKey(m => m.GroupId);
        builder.HasOne(m => m.Provider).WithMany(p => p.Groups).HasForeignKey(m => m.ProviderId);
    }
}
