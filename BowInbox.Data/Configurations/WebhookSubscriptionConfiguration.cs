using BowInbox.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BowInbox.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlLength).IsRequired();
        builder.Property(s => s.EventTypes).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.SecretProtected).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.DisabledReason).HasMaxLength(500);
        builder.Ignore(s => s.Types);
    }
}
