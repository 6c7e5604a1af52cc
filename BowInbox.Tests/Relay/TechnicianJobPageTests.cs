using System.Security.Claims;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>The technician's job page: Done and Hand back as /done and /handoff, his jobs only, and what a reply lost.</summary>
public sealed class TechnicianJobPageTests
{
    internal static async Task<ClaimsPrincipal> TechnicianAsync(InboxAppFactory app, string email = "tech1@demo.local")
    {
        await using var db = app.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Claim[] claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, email), new(ClaimTypes.Role, Roles.Technician)];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public async Task Only_the_technician_on_the_job_can_close_it_and_Done_does_what_done_does()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, _) = await AssignedConversationAsync(app, firstText: "Burst pipe under the sink, call 555 700 0199");
        var actions = app.Services.GetRequiredService<TechnicianJobActions>();
        var queue = app.Services.GetRequiredService<TechnicianQueue>();
        var tom = await TechnicianAsync(app);

        // The job card: the request in the customer's words, contact details removed, once an offer told him of it; a job
        // given to him directly does not show what the customer said before it was his.
        var job = await queue.JobAsync(tom, ticketId);
        Assert.NotNull(job);
        Assert.Null(job.Request);
        await using (var db = app.CreateDbContext())
        {
            var providerId = await ProviderIdAsync(app);
            db.Offers.Add(new BowInbox.Core.Routing.Offer { TicketId = ticketId, ProviderId = providerId, Status = BowInbox.Core.Routing.OfferStatus.Accepted, OfferedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddMinutes(5) });
            await db.SaveChangesAsync();
        }

        job = await queue.JobAsync(tom, ticketId);
        Assert.Contains("Burst pipe under the sink", job!.Request);
        Assert.DoesNotContain("700 0199", job.Request);

        // Another technician, staff through this door, and the technician while the job is only offered: refused on the server.
        Assert.False((await actions.DoneAsync(await TechnicianAsync(app, "tech2@demo.local"), ticketId)).Succeeded);
        Assert.False((await actions.HandBackAsync(await TechnicianAsync(app, "tech2@demo.local"), ticketId)).Succeeded);
        Assert.False((await actions.DoneAsync(Staff(Roles.Supervisor, "supervisor@demo.local"), ticketId)).Succeeded);
        await using (var db = app.CreateDbContext())
        {
            await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Offered));
            Assert.Empty(await queue.JobsAsync(tom));
            var offered = await actions.DoneAsync(tom, ticketId);
            Assert.False(offered.Succeeded);
            Assert.Contains("Accept the offer first", offered.Message);
            Assert.Equal(TicketStatus.Offered, (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId)).Status);
            await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Assigned));
        }

        Assert.Single(await queue.JobsAsync(tom));
        var done = await actions.DoneAsync(tom, ticketId);

        Assert.True(done.Succeeded, done.Message);
        await app.WaitForSendAsync(Central, Customer, t => t.Contains("Tom", StringComparison.Ordinal) && t.Contains($"#{ticketId}", StringComparison.Ordinal) && !t.Contains("Burst", StringComparison.Ordinal), "the customer thanked");
        await using var check = app.CreateDbContext();
        Assert.Equal(TicketStatus.Resolved, (await check.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId)).Status);
        Assert.Contains(await check.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Detail).ToListAsync(), d => d.Contains("done in the web queue", StringComparison.Ordinal));
        Assert.False(await check.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null));
        Assert.False((await actions.HandBackAsync(tom, ticketId)).Succeeded);
    }

    [Fact]
    public async Task Hand_back_returns_the_job_to_the_team_and_a_redacted_reply_says_what_was_removed()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, _) = await AssignedConversationAsync(app);
        var tom = await TechnicianAsync(app);
        var queue = app.Services.GetRequiredService<TechnicianQueue>();

        var reply = await queue.ReplyAsync(tom, ticketId, "On my way, text me on 555 010 0001 or tom.baker@example.com");
        Assert.True(reply.Succeeded, reply.Message);
        Assert.Equal("Sent, with a phone number and an email address removed.", reply.Message);
        Assert.Equal("Sent to the customer.", (await queue.ReplyAsync(tom, ticketId, "See you at 3pm")).Message);

        var handedBack = await app.Services.GetRequiredService<TechnicianJobActions>().HandBackAsync(tom, ticketId);

        Assert.True(handedBack.Succeeded, handedBack.Message);
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.Null(ticket.ProviderId);
        Assert.Contains(ticket.Status, new[] { TicketStatus.Requeued, TicketStatus.New });
        Assert.Contains(await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync(), k => k == "handoff");
        Assert.Empty(await queue.JobsAsync(tom));
    }
}
