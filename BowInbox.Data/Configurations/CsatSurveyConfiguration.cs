using BowInbox.Core.Contacts;
using BowInbox.Core.Csat;
using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class CsatSurveyConfiguration : IEntityTypeConfiguration<CsatSurvey>
{
    public void Configure(EntityTypeBuilder<CsatSurvey> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProviderGroup>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.SkipReason).HasMaxLength(200);
        builder.Property(s => s.Comment).HasMaxLength(CsatSurvey.MaxCommentLength);

        // Asked once per ticket, whatever runs overlap; a customer's latest answered question is found by contact.
        builder.HasIndex(s => s.TicketId).IsUnique();
        builder.HasIndex(s => new { s.ContactId, s.Status });
        builder.HasIndex(s => s.CreatedAt);
    }
}
