using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.Live;

/// <summary>What a technician's own hub connection receives: only what his /queue pages show.</summary>
public sealed class TechnicianFeedTests
{
    private const string Customer = "15557000077";

    // The customer's number as typed in the message, and its digit runs a reader could piece together.
    private static readonly string[] CustomerDigits = ["0412 345 678", "0412", "345 678", "412345678", "5557000077"];

    [Fact]
    public async Task An_offered_ticket_reaches_the_technician_without_the_customers_unscanned_words()
    {
        await using var app = new InboxAppFactory();
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        await using var tech1 = await HubClients.ConnectAsync(app, Tech1);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "leak downtown, call me 0412 345 678", Customer);
        await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Json.Contains("0412 345 678", StringComparison.Ordinal));

        await OfferToAsync(app, ticketId, Tech1);

        await tech1.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("customerAlias").GetString() is { Length: > 0 });
        await HubMarkers.PassOnTicketAsync(app, ticketId, tech1);
        Assert.All(tech1.Received, call =>
        {
            Assert.Equal(InboxClientMethods.TicketUpdated, call.Method);
            Assert.False(call.Payload.TryGetProperty("lastMessagePreview", out _), "the staff row reached the technician");
            AssertNoCustomerDigits(call);
        });
    }

    [Fact]
    public async Task A_technician_receives_only_his_own_threads_messages_never_notes_or_the_previous_technicians()
    {
        await using var app = new InboxAppFactory();
        await using var tom = await HubClients.ConnectAsync(app, Tech1);
        await using var ana = await HubClients.ConnectAsync(app, Tech2);
        await using var intake = await HubClients.ConnectAsync(app, Intake);
        var (ticketId, session) = await RelayTestData.AssignedConversationAsync(app, Customer, "leak downtown, call me 0412 345 678");
        await RelayTestData.CustomerWritesAsync(app, "or text me on 0412 345 678", Customer);
        await RelayTestData.ProviderWritesAsync(app, session.PoolPhoneNumberId, "Tom here, the valve needs replacing");
        var note = await app.Services.GetRequiredService<TicketActions>()
            .AddNoteAsync(IntakeAgent, ChannelTestData.Agent, ticketId, "staff only: customer disputes the last invoice");
        Assert.True(note.Succeeded, note.Message);
        await tom.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c => c.Json.Contains("the valve needs replacing", StringComparison.Ordinal));
        await tom.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c => c.Json.Contains("or text me on [phone removed]", StringComparison.Ordinal));
        await intake.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c => c.Json.Contains("staff only", StringComparison.Ordinal));

        await using (var db = app.CreateDbContext())
        {
            var tomsMessages = await db.Messages.Where(m => m.TicketId == ticketId).Select(m => m.Id).ToListAsync();
            var result = await app.Services.GetRequiredService<RelayAssignment>()
                .AssignAsync(RelayTestData.Staff(Roles.Supervisor, Supervisor), ticketId, await RelayTestData.ProviderIdAsync(app, "Ana Lopez"));
            Assert.True(result.Succeeded, result.Message);

            // Late delivery statuses of everything said before Ana's session, the note among them.
            foreach (var id in tomsMessages)
            {
                await app.Services.GetRequiredService<InboxEvents>().PublishAsync(new MessageStatusChanged(ticketId, id));
            }

            // The customer's next message, published after the late statuses, is the marker: once Ana has it, she has
            // every push those statuses made to her.
            await RelayTestData.CustomerWritesAsync(app, "is Ana coming instead?", Customer);
            await ana.WaitForAsync(InboxClientMethods.MessageChanged, ticketId, c => c.Json.Contains("is Ana coming instead?", StringComparison.Ordinal));
            var anasMessages = ana.Received.Where(c => c.Method == InboxClientMethods.MessageChanged).Select(c => c.Payload.GetProperty("messageId").GetInt64()).ToList();
            Assert.NotEmpty(anasMessages);
            Assert.DoesNotContain(anasMessages, tomsMessages.Contains);
        }

        foreach (var call in tom.Received.Concat(ana.Received))
        {
            AssertNoCustomerDigits(call);
            Assert.DoesNotContain("staff only", call.Json, StringComparison.Ordinal);
            Assert.DoesNotContain("InternalNote", call.Json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ana.Received, c => c.Json.Contains("the valve needs replacing", StringComparison.Ordinal));
    }

    private static void AssertNoCustomerDigits(HubCall call)
    {
        foreach (var digits in CustomerDigits)
        {
            Assert.DoesNotContain(digits, call.Json, StringComparison.Ordinal);
        }
    }
}
