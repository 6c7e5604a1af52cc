using BowInbox.Core.Channel;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

/// <summary>
/// What an inbound group knows instead of asking the database again: only what it read (found or known absent),
/// judged on the rows' current values, and including the rows its handlers add while the group is applied.
/// </summary>
public sealed class InboundGroupSnapshotTests
{
    [Fact]
    public void A_group_that_read_nothing_knows_nothing_and_every_lookup_reads_the_database()
    {
        var group = InboundGroup.Unknown();

        Assert.False(group.TryWindow("pool-1", "hash", out _));
        Assert.False(group.TryContact("hash", out _));
        Assert.False(group.TryOpenTicket(1, out _));
        Assert.False(group.TryOpenSession(1, out _));
        Assert.False(group.TryProvider("hash", out _));
        Assert.False(group.TryOpenSessions(1, "pool-1", out _));
        Assert.Null(group.TicketById(1));
    }

    [Fact]
    public void Read_absent_is_known_absent_and_a_window_added_later_is_found()
    {
        var group = new InboundGroup();
        group.Window("central", "hash", null);
        group.Contact("hash", null);

        Assert.True(group.TryWindow("central", "hash", out var none) && none is null);
        Assert.True(group.TryContact("hash", out var nobody) && nobody is null);
        Assert.False(group.TryWindow("central", "other", out _));

        var window = new ConversationWindow { PhoneNumberId = "central", WaIdHash = "hash" };
        group.Window("central", "hash", window);
        Assert.True(group.TryWindow("central", "hash", out var found));
        Assert.Same(window, found);
    }

    [Fact]
    public void The_open_ticket_is_the_latest_still_open_one_and_a_ticket_resolved_meanwhile_no_longer_counts()
    {
        var group = new InboundGroup();
        var older = new Ticket { Id = 7, ContactId = 3, Status = TicketStatus.Assigned };
        var newest = new Ticket { Id = 9, ContactId = 3, Status = TicketStatus.New };
        group.OpenTickets(3, [older, newest]);

        Assert.True(group.TryOpenTicket(3, out var open));
        Assert.Same(newest, open);
        Assert.Same(older, group.TicketById(7));

        newest.Status = TicketStatus.Resolved;
        Assert.True(group.TryOpenTicket(3, out open));
        Assert.Same(older, open);

        older.Status = TicketStatus.Closed;
        Assert.True(group.TryOpenTicket(3, out open));
        Assert.Null(open);
        Assert.False(group.TryOpenTicket(4, out _));
    }

    [Fact]
    public void Sessions_closed_while_applying_are_not_open_and_a_reopened_one_is_found_by_ticket_and_by_provider()
    {
        var group = new InboundGroup();
        var first = new RelaySession { Id = 1, TicketId = 10, ProviderId = 5, PoolPhoneNumberId = "pool-1" };
        var other = new RelaySession { Id = 2, TicketId = 11, ProviderId = 5, PoolPhoneNumberId = "pool-2" };
        var third = new RelaySession { Id = 3, TicketId = 12, ProviderId = 5, PoolPhoneNumberId = "pool-1" };
        group.SessionsOfTickets([10, 13], [first]);
        group.SessionsOfProviders([5, 6], [first, other, third]);
        group.Provider("provider-hash", new Provider { Id = 5, DisplayName = "Tom" });

        Assert.True(group.TryOpenSession(10, out var session) && session == first);
        Assert.True(group.TryOpenSession(13, out var none) && none is null);
        Assert.True(group.TryOpenSessions(5, "pool-1", out var onPool));
        Assert.Equal([1L, 3L], onPool.Select(s => s.Id));
        Assert.True(group.TryOpenSessions(6, "pool-1", out var noneOfThem) && noneOfThem.Count == 0);
        Assert.Equal("Tom", group.ProviderById(5)?.FirstName);

        first.ClosedAt = DateTime.UtcNow;
        Assert.True(group.TryOpenSession(10, out session) && session is null);
        Assert.True(group.TryOpenSessions(5, "pool-1", out onPool));
        Assert.Equal([3L], onPool.Select(s => s.Id));

        var reopened = new RelaySession { Id = 4, TicketId = 10, ProviderId = 5, PoolPhoneNumberId = "pool-1" };
        group.Opened(reopened);
        Assert.True(group.TryOpenSession(10, out session));
        Assert.Same(reopened, session);
        Assert.True(group.TryOpenSessions(5, "pool-1", out onPool));
        Assert.Equal([3L, 4L], onPool.Select(s => s.Id));
    }
}
