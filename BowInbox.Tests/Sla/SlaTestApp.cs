using System.Collections.Concurrent;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.Live;
using BowInbox.Web.Routing;
using BowInbox.Web.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Sla;

/// <summary>The real app on a fake clock, optionally with a ticket router that records re-queues (routing lives on another branch).</summary>
internal sealed class SlaTestApp(string? existingFolder = null, FakeTimeProvider? clock = null, RecordingTicketRouter? router = null)
    : InboxAppFactory(existingFolder)
{
    public FakeTimeProvider Clock { get; } = clock ?? new FakeTimeProvider(DateTimeOffset.UtcNow);

    public RecordingTicketRouter? Router { get; } = router;

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Task<SlaMonitorResult> RunMonitorAsync() => Services.GetRequiredService<SlaMonitorJob>().RunAsync();

    /// <summary>Replaces the policy for a group (null = intake) and urgency with exactly these targets, 24/7 unless a calendar is given.</summary>
    public async Task SetPolicyAsync(int? groupId, Urgency urgency, IEnumerable<SlaTarget> targets, BusinessCalendar? calendar = null)
    {
        await using var db = CreateDbContext();
        var record = await db.SlaPolicies.FirstOrDefaultAsync(p => p.GroupId == groupId && p.Urgency == urgency);
        if (record is null)
        {
            record = new SlaPolicyRecord { GroupId = groupId, Urgency = urgency };
            db.SlaPolicies.Add(record);
        }

        record.TargetsJson = SlaPolicyJson.SerializeTargets(targets);
        record.CalendarJson = SlaPolicyJson.SerializeCalendar(calendar ?? BusinessCalendar.AlwaysOpen);
        await db.SaveChangesAsync();
    }

    public async Task<List<SlaAlertRecord>> AlertsAsync(int ticketId)
    {
        await using var db = CreateDbContext();
        return await db.SlaAlerts.AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<int> GroupIdAsync(string name)
    {
        await using var db = CreateDbContext();
        return await db.ProviderGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    public async Task<int> ProviderIdAsync(string displayName)
    {
        await using var db = CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == displayName).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Offers the ticket the way routing does: group, provider, status and offer time set, then the change published.</summary>
    public async Task OfferAsync(int ticketId, string groupName, string providerName)
    {
        var groupId = await GroupIdAsync(groupName);
        var providerId = await ProviderIdAsync(providerName);
        await using (var db = CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            ticket.GroupId = groupId;
            ticket.ProviderId = providerId;
            ticket.OfferedAt = Now;
            ticket.AcceptedAt = null;
            ticket.Status = TicketStatus.Offered;
            await db.SaveChangesAsync();
        }

        await Services.GetRequiredService<InboxEvents>().PublishAsync(new TicketChanged(ticketId, "offered"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (Router is not null)
            {
                services.AddSingleton<ITicketRouter>(Router);
            }
        });
    }
}

/// <summary>Records re-queues and hands the ticket on as <see cref="OnRequeue"/> says.</summary>
internal sealed class RecordingTicketRouter : ITicketRouter
{
    public ConcurrentQueue<(int TicketId, string Reason)> Requeued { get; } = new();

    public Func<int, Task>? OnRequeue { get; set; }

    public async Task RequeueAsync(int ticketId, string reason, CancellationToken cancellationToken)
    {
        Requeued.Enqueue((ticketId, reason));
        if (OnRequeue is not null)
        {
            await OnRequeue(ticketId);
        }
    }

    public Task RouteAsync(int ticketId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The SLA engine never routes; it only re-queues.");
}

internal static class SlaTargets
{
    public static SlaTarget Minutes(SlaTargetKind kind, double minutes, SlaBreachAction actions = SlaBreachAction.Alert) =>
        new(kind, TimeSpan.FromMinutes(minutes), 0.8, actions | SlaBreachAction.Alert);
}
