namespace BowInbox.Web.Inbox;

public static class InboxSetup
{
    public static void AddInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketAccess>();
        builder.Services.AddSingleton<InboxQueries>();
        builder.Services.AddSingleton<TicketActions>();
        builder.Services.AddSingleton<ReplySender>();
        builder.Services.AddSingleton<ReadReceipts>();
        builder.Services.AddSingleton<ApprovedTemplates>();
        builder.Services.AddSingleton<CannedReplies>();
        builder.Services.AddScoped<BowInbox.Web.Live.LiveInboxFeed>();
        builder.Services.AddSingleton<BowInbox.Web.Audit.AuditLog>();
        BowInbox.Web.Audit.AuditKey.AddAuditKey(builder.Services);
    }
}
