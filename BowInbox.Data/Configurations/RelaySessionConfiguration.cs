using BowInbox.Core.Api;
using BowInbox.Core.Contacts;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class RelaySessionConfiguration : IEntityTypeConfiguration<RelaySession>
{
    public void Configure(EntityTypeBuilder<RelaySession> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(s => s.OpenedByApiKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.PoolPhoneNumberId).HasMaxLength(32).IsRequired();
        builder.Property(s => s.CloseReason).HasMaxLength(200);
        builder.Ignore(s => s.IsOpen);
        builder.HasIndex(s => new { s.PoolPhoneNumberId, s.ProviderId, s.ClosedAt });
        builder.HasIndex(s => new { s.TicketId, s.ClosedAt });
        builder.HasIndex(s => new { s.ClosedAt, s.LastActivityAt });
    }
}
