using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Routing.Web;

/// <summary>The timeline records what happened, not what was attempted.</summary>
public sealed class IntakeTimelineTests
{
    [Fact]
    public async Task An_acknowledgement_that_could_not_be_queued_is_not_shown_as_sent()
    {
        // The customer's message is a day and more old by the app's clock: its 24-hour window is closed.
        await using var app = new RoutingApp(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(26)));
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "my sink is leaking");
        await using var db = app.CreateDbContext();

        await Eventually.TrueAsync(() => db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == LeadIntake.NotSent), "the unsent reply to be recorded");

        var kinds = await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(LeadIntake.Acknowledged, kinds);
        Assert.DoesNotContain(kinds, k => k.StartsWith("asked-", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == RoutingApp.Customer);
    }
}
