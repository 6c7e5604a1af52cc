using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Inbox;

/// <summary>No ticket is Assigned (or Offered) by hand: those states come with a technician, or not at all.</summary>
public sealed class StatusMoveTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Qualified)]
    [InlineData(TicketStatus.Requeued)]
    [InlineData(TicketStatus.Escalated)]
    public void The_menu_never_offers_Assigned_or_Offered(TicketStatus status)
    {
        var moves = TicketTransitions.ManualMoves(status);

        Assert.DoesNotContain(TicketStatus.Assigned, moves);
        Assert.DoesNotContain(TicketStatus.Offered, moves);
        Assert.Contains(TicketStatus.Resolved, moves);
        Assert.True(TicketTransitions.CanMove(status, TicketStatus.Assigned), "the assignment flow itself still moves the ticket there");
    }

    [Fact]
    public async Task The_server_refuses_to_move_a_ticket_to_Assigned_without_a_technician()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(shared.App, "Fence is down", from: "15557000981");
        var actions = shared.App.Services.GetRequiredService<TicketActions>();
        await using var db = shared.App.CreateDbContext();
        var before = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync(TestContext.Current.CancellationToken);

        var assigned = await actions.MoveAsync(Staff(Roles.IntakeAgent), ticketId, TicketStatus.Assigned);
        var offered = await actions.MoveAsync(Staff(Roles.Supervisor, "supervisor@demo.local"), ticketId, TicketStatus.Offered);

        Assert.False(assigned.Succeeded);
        Assert.Contains("Assign technician", assigned.Message);
        Assert.False(offered.Succeeded);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId, TestContext.Current.CancellationToken);
        Assert.Equal(before, ticket.Status);
        Assert.False(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "status", TestContext.Current.CancellationToken));
    }
}
