using BowInbox.Core.Messaging;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Inbox;

public sealed class ThreadPagingTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const int Extra = 249;

    [Fact]
    public async Task A_long_thread_loads_its_latest_page_and_says_older_messages_exist()
    {
        var ticketId = await LongThreadAsync("15557000931");
        var queries = shared.App.Services.GetRequiredService<InboxQueries>();

        var first = await queries.ThreadAsync(AuditAs.Intake, ticketId, cancellationToken: TestContext.Current.CancellationToken);
        var all = await queries.ThreadAsync(AuditAs.Intake, ticketId, InboxQueries.ThreadPageSize * 2, TestContext.Current.CancellationToken);

        Assert.Equal(InboxQueries.ThreadPageSize, first!.Messages.Count);
        Assert.True(first.HasOlder);
        Assert.Equal($"old message {Extra - 1:000}", first.Messages[^1].Text);
        Assert.Equal($"old message {Extra - InboxQueries.ThreadPageSize:000}", first.Messages[0].Text);
        Assert.Equal(Extra + 1, all!.Messages.Count);
        Assert.False(all.HasOlder);
        Assert.Equal(all.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Id), all.Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task The_inbox_page_shows_the_latest_messages_and_a_way_to_older_ones()
    {
        var ticketId = await LongThreadAsync("15557000932");
        using var client = await Login.AsAsync(shared.App, "intake@demo.local");

        var page = await client.GetStringAsync($"/inbox/{ticketId}", TestContext.Current.CancellationToken);

        Assert.Contains($"old message {Extra - 1:000}", page);
        Assert.DoesNotContain("old message 010", page);
        Assert.Contains("Show older messages", page);
    }

    private async Task<int> LongThreadAsync(string customer)
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(shared.App, "first words", from: customer);
        await using var db = shared.App.CreateDbContext();
        var start = DateTime.UtcNow.AddDays(1);
        for (var i = 0; i < Extra; i++)
        {
            db.Messages.Add(new Message { TicketId = ticketId, Direction = MessageDirection.FromCustomer, AuthorName = "C-TEST", Text = $"old message {i:000}", CreatedAt = start.AddSeconds(i) });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ticketId;
    }

    private static class AuditAs
    {
        public static readonly System.Security.Claims.ClaimsPrincipal Intake = BowInbox.Tests.Audit.AuditTestData.As(BowInbox.Data.Identity.Roles.IntakeAgent, "intake@demo.local");
    }
}
