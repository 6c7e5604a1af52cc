using BowInbox.Core.Messaging;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Inbox;

/// <summary>The inbox thread names each message's parties from the ticket's customer, offers and relay sessions, and shows no number.</summary>
public sealed class ThreadPartiesQueryTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Customer = "15557000951";

    [Fact]
    public async Task A_relayed_conversation_names_sender_and_recipient_without_a_number()
    {
        var app = shared.App;
        var ticketId = await Channel.ChannelTestData.CustomerWroteAsync(app, "Boiler broken", Customer);

        // Inbound times are whole seconds: the technician takes the job a second later, as people do.
        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);
        await AssignAsync(app, ticketId);
        await using var db = app.CreateDbContext();
        var session = await db.RelaySessions.AsNoTracking().SingleAsync(s => s.TicketId == ticketId, TestContext.Current.CancellationToken);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "I can come at 3pm");
        await CustomerWritesAsync(app, "3pm is fine", Customer);
        var queries = app.Services.GetRequiredService<InboxQueries>();

        var thread = await queries.ThreadAsync(Staff(Roles.IntakeAgent), ticketId, cancellationToken: TestContext.Current.CancellationToken);

        var labels = thread!.Messages.Select(m => (m.Direction, m.Parties!.Label, m.Parties.Automatic)).ToList();
        Assert.Contains((MessageDirection.FromCustomer, "Maria (customer) → team", false), labels);
        Assert.Contains((MessageDirection.ToProvider, "BowInbox → Tom (technician)", true), labels);
        Assert.Contains((MessageDirection.FromProvider, "Tom (technician) → Maria, relayed", false), labels);
        Assert.Contains((MessageDirection.FromCustomer, "Maria (customer) → Tom (technician), relayed", false), labels);
        Assert.All(labels, l => Assert.DoesNotMatch(@"\d{4}", l.Label));
    }

    [Fact]
    public async Task The_rendered_inbox_thread_carries_no_customer_or_technician_number()
    {
        var app = shared.App;
        var (ticketId, session) = await AssignedConversationAsync(app, "15557000952", "Leaking tap");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way");
        using var client = await Login.AsAsync(app, "intake@demo.local");

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/inbox/{ticketId}", TestContext.Current.CancellationToken));

        Assert.Contains("Tom (technician) → Maria, relayed", page);
        Assert.Contains("BowInbox → Tom (technician)", page);
        Assert.DoesNotContain("15557000952", page);
        Assert.DoesNotContain("5557000952", page);
        Assert.DoesNotContain(Tom, page);
        Assert.DoesNotContain(Tom[1..], page);
    }
}
