using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

/// <summary>Long sessions load a page at a time on screen; exports and print still carry the whole session.</summary>
public sealed class TranscriptPagingTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_page_loads_the_first_messages_and_more_on_demand_audited_once_while_the_export_has_all()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000061");
        await AddMessagesAsync(ticketId, Transcripts.PageSize + 50);
        var transcripts = shared.App.Services.GetRequiredService<Transcripts>();

        var first = await transcripts.ViewAsync(AuditTestData.Supervisor, ticketId, "transcript page", Transcripts.PageSize);
        Assert.NotNull(first);
        Assert.Equal(Transcripts.PageSize, first.Messages.Count);
        Assert.Equal(Transcripts.PageSize + 51, first.MessageTotal);
        Assert.True(first.HasMoreMessages);
        Assert.Empty(first.UnattachedViolations);

        var more = await transcripts.ViewAsync(AuditTestData.Supervisor, ticketId, "transcript page", Transcripts.PageSize * 2, audited: false);
        Assert.NotNull(more);
        Assert.Equal(Transcripts.PageSize + 51, more.Messages.Count);
        Assert.False(more.HasMoreMessages);
        Assert.Single(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptViewed), e => e.Target == Transcripts.Target(ticketId));

        var export = await transcripts.ExportAsync(AuditTestData.Supervisor, ticketId, TranscriptFormat.Csv);
        Assert.Contains($"note {Transcripts.PageSize + 49}", export!.Value.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_technicians_thread_loads_only_the_latest_messages()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000062");
        await AddMessagesAsync(ticketId, 1, MessageDirection.ToProvider);
        await AddMessagesAsync(ticketId, TechnicianThread.MaxMessages + 20, MessageDirection.FromCustomer);
        await using var db = shared.App.CreateDbContext();
        var tom = await db.Users.Where(u => u.Email == "tech1@demo.local").Select(u => u.Id).SingleAsync();

        var thread = await TechnicianThread.MessagesAsync(db, tom, ticketId, null, CancellationToken.None);

        Assert.NotNull(thread);
        Assert.Equal(TechnicianThread.MaxMessages, thread.Count);
        Assert.Equal($"note {TechnicianThread.MaxMessages + 19}", thread[^1].Text);
        Assert.True(thread.Zip(thread.Skip(1)).All(p => p.First.Id < p.Second.Id), "oldest first, like a chat");
    }

    private async Task AddMessagesAsync(int ticketId, int count, MessageDirection direction = MessageDirection.InternalNote)
    {
        await using var db = shared.App.CreateDbContext();
        var start = DateTime.UtcNow.AddMinutes(10);
        for (var i = 0; i < count; i++)
        {
            db.Messages.Add(new Message { TicketId = ticketId, Direction = direction, AuthorName = "Agent", Type = "text", Text = $"note {i}", CreatedAt = start.AddSeconds(i) });
        }

        await db.SaveChangesAsync();
    }
}
