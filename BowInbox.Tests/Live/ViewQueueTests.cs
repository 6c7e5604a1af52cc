using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace BowInbox.Tests.Live;

/// <summary>Viewers (a circuit's live inbox) hear changes through their own queues: the publisher never waits for one.</summary>
public sealed class ViewQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_blocked_viewer_delays_neither_the_publisher_nor_the_other_viewers()
    {
        var events = new InboxEvents(NullLogger<InboxEvents>.Instance);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowHeard = new ConcurrentQueue<int>();
        var fastHeard = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = events.SubscribeView(async change =>
        {
            slowStarted.TrySetResult();
            await release.Task;
            slowHeard.Enqueue(change.TicketId);
        });
        using var fast = events.SubscribeView(change =>
        {
            if (change.TicketId == 2)
            {
                fastHeard.TrySetResult(change.TicketId);
            }

            return Task.CompletedTask;
        });

        await events.PublishAsync(new TicketChanged(1, "test")).WaitAsync(Patience, TestContext.Current.CancellationToken);
        await slowStarted.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var second = events.PublishAsync(new TicketChanged(2, "test"));

        Assert.True(second.IsCompletedSuccessfully, "publishing waited for a blocked viewer");
        Assert.Equal(2, await fastHeard.Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Empty(slowHeard);

        release.SetResult();
        await WaitUntilAsync(() => slowHeard.Count == 2);
        Assert.Equal([1, 2], slowHeard);
    }

    [Fact]
    public async Task A_viewer_that_falls_behind_loses_the_oldest_changes_not_the_newest()
    {
        var events = new InboxEvents(NullLogger<InboxEvents>.Instance);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = new ConcurrentQueue<int>();
        using var slow = events.SubscribeView(async change =>
        {
            await release.Task;
            heard.Enqueue(change.TicketId);
        });

        var last = ViewQueue<InboxChange>.Capacity * 3;
        for (var ticketId = 1; ticketId <= last; ticketId++)
        {
            await events.PublishAsync(new TicketChanged(ticketId, "test"));
        }

        release.SetResult();
        await WaitUntilAsync(() => heard.Contains(last));
        Assert.True(heard.Count <= ViewQueue<InboxChange>.Capacity + 1, $"{heard.Count} changes were kept for one viewer");
        Assert.Equal(last, heard.Last());
    }

    [Fact]
    public async Task A_disposed_viewer_hears_nothing_more()
    {
        var events = new InboxEvents(NullLogger<InboxEvents>.Instance);
        var goneHeard = new ConcurrentQueue<int>();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gone = events.SubscribeView(change =>
        {
            goneHeard.Enqueue(change.TicketId);
            return Task.CompletedTask;
        });
        await events.PublishAsync(new TicketChanged(1, "test"));
        await WaitUntilAsync(() => goneHeard.Count == 1);

        gone.Dispose();
        using var staying = events.SubscribeView(change =>
        {
            marker.TrySetResult();
            return Task.CompletedTask;
        });
        await events.PublishAsync(new TicketChanged(2, "test"));
        await marker.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal([1], goneHeard);
    }

    [Fact]
    public async Task Every_component_listening_in_a_circuit_hears_each_change_even_when_one_fails()
    {
        var events = new InboxEvents(NullLogger<InboxEvents>.Instance);
        using var feed = new LiveInboxFeed(events, new TicketAccess(null!), NullLogger<LiveInboxFeed>.Instance);
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var third = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Changed += change =>
        {
            first.TrySetResult(change.TicketId);
            return Task.CompletedTask;
        };
        feed.Changed += async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("a component that failed to re-render");
        };
        feed.Changed += async change =>
        {
            await Task.Yield();
            third.TrySetResult(change.TicketId);
        };

        // A Supervisor sees every ticket, so no database is asked.
        feed.Start(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Supervisor)], "test")));
        await events.PublishAsync(new TicketChanged(7, "test"));

        Assert.Equal(7, await first.Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Equal(7, await third.Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "the viewer did not catch up in time");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
