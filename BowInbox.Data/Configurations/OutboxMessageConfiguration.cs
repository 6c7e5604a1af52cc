using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.FromPhoneNumberId).HasMaxLength(32).IsRequired();
        builder.Property(o => o.ToProtected).HasMaxLength(512).IsRequired();
        builder.Property(o => o.RecipientHash).HasMaxLength(64);
        builder.Property(o => o.PayloadJson).IsRequired();
        builder.Property(o => o.LockedBy).HasMaxLength(64);
        builder.Property(o => o.Wamid).HasMaxLength(128);
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.HasOne(o => o.Message).WithMany().HasForeignKey(o => o.MessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });

        // A provider quoting a relayed message: which job it was about is found by its wamid.
        builder.HasIndex(o => o.Wamid);
    }
}
