using BowInbox.Core.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class ProxyNumberConfiguration : IEntityTypeConfiguration<ProxyNumber>
{
    public void Configure(EntityTypeBuilder<ProxyNumber> builder)
    {
        builder.Property(n => n.PhoneNumberId).HasMaxLength(32).IsRequired();
        builder.HasIndex(n => n.PhoneNumberId).IsUnique();
        builder.Property(n => n.DisplayNumber).HasMaxLength(32).IsRequired();
        builder.Property(n => n.Region).HasMaxLength(100);
        builder.Property(n => n.Channel).HasMaxLength(32).IsRequired().HasDefaultValue(BowInbox.Core.Tickets.TicketChannels.WhatsApp);
        builder.Property(n => n.PortfolioId).HasMaxLength(32);
        builder.Property(n => n.WabaId).HasMaxLength(32);
    }
}
