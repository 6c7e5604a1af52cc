using BowInbox.Core.Insurance;
using BowInbox.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class InsurerConfiguration : IEntityTypeConfiguration<Insurer>
{
    public void Configure(EntityTypeBuilder<Insurer> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(Insurer.MaxNameLength).IsRequired();
        builder.Property(i => i.Aliases).HasMaxLength(Insurer.MaxListLength).IsRequired();
        builder.Property(i => i.PolicyPatterns).HasMaxLength(Insurer.MaxListLength).IsRequired();
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Ignore(i => i.AliasList);
        builder.Ignore(i => i.PatternList);

        // A group an insurer answers with cannot be deleted from under it (and SQL Server allows one cascade path to tickets).
        builder.HasOne<ProviderGroup>().WithMany().HasForeignKey(i => i.DeskGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProviderGroup>().WithMany().HasForeignKey(i => i.UnderwritingGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
