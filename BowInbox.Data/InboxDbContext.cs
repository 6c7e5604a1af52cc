using BowInbox.Core.Alerts;
using BowInbox.Core.Api;
using BowInbox.Core.Audit;
using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Inbox;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Settings;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BowInbox.Data;

/// <summary>
/// The model, shared by every database provider. Each provider has a thin derived context
/// (<see cref="Sqlite.SqliteInboxDbContext"/>, <see cref="SqlServer.SqlServerInboxDbContext"/>) that owns its migrations.
/// </summary>
public partial class InboxDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    protected InboxDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ProviderGroup> ProviderGroups => Set<ProviderGroup>();

    public DbSet<ProviderGroupMember> ProviderGroupMembers => Set<ProviderGroupMember>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<ProxyNumber> ProxyNumbers => Set<ProxyNumber>();

    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ConversationWindow> ConversationWindows => Set<ConversationWindow>();

    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();

    public DbSet<UnroutedMessage> UnroutedMessages => Set<UnroutedMessage>();

    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    public DbSet<RelaySession> RelaySessions => Set<RelaySession>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<PolicyViolation> PolicyViolations => Set<PolicyViolation>();

    public DbSet<SlaPolicyRecord> SlaPolicies => Set<SlaPolicyRecord>();

    public DbSet<SlaAlertRecord> SlaAlerts => Set<SlaAlertRecord>();

    public DbSet<SupervisorAlert> SupervisorAlerts => Set<SupervisorAlert>();

    public DbSet<BowInbox.Core.Csat.CsatSurvey> CsatSurveys => Set<BowInbox.Core.Csat.CsatSurvey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<BowInbox.Core.Review.HeldItem> HeldItems => Set<BowInbox.Core.Review.HeldItem>();

    /// <summary>The app's copies of received files (WhatsApp forgets a media id after 7 days).</summary>
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<ExternalReference> ExternalReferences => Set<ExternalReference>();

    public DbSet<BowInbox.Core.Insurance.Insurer> Insurers => Set<BowInbox.Core.Insurance.Insurer>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<BowInbox.Core.Sms.SmsOptOut> SmsOptOuts => Set<BowInbox.Core.Sms.SmsOptOut>();

    public DbSet<BowInbox.Core.Sms.WhatsAppContinuation> WhatsAppContinuations => Set<BowInbox.Core.Sms.WhatsAppContinuation>();

    /// <summary>The Data Protection key ring, shared by every server (encrypted with the configured certificate).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(InboxDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; providers that drop DateTimeKind (SQLite) get it back on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
