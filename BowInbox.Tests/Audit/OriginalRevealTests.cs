using System.Text.Json;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

/// <summary>A message the scanner changed: its original is read only through an audited reveal, never in the thread.</summary>
public sealed class OriginalRevealTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private NumberReveal Reveal => shared.App.Services.GetRequiredService<NumberReveal>();

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public async Task The_inbox_thread_says_a_message_was_changed_but_never_carries_its_original(string role)
    {
        var customer = role == Roles.Admin ? "15557000071" : "15557000075";
        var ticketId = await AuditTestData.SessionAsync(shared.App, customer);
        await using (var db = shared.App.CreateDbContext())
        {
            // As the relay leaves it: the list's preview is the delivered text too.
            await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastMessagePreview, "Leaking pipe, call me on [phone removed]"));
        }

        var thread = await shared.App.Services.GetRequiredService<InboxQueries>().ThreadAsync(AuditTestData.As(role), ticketId);

        Assert.Contains(thread!.Messages, m => m.HasOriginal);
        Assert.DoesNotContain(customer, JsonSerializer.Serialize(thread), StringComparison.Ordinal);
        using var supervisor = await Login.AsAsync(shared.App, "supervisor@demo.local");
        var page = await supervisor.GetStringAsync($"/inbox/{ticketId}");
        Assert.Contains("Changed by the content policy", page, StringComparison.Ordinal);
        Assert.DoesNotContain(customer, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intake_agent_is_told_nothing_of_an_original()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000072");

        var thread = await shared.App.Services.GetRequiredService<InboxQueries>().ThreadAsync(AuditTestData.As(Roles.IntakeAgent), ticketId);

        Assert.DoesNotContain(thread!.Messages, m => m.HasOriginal);
    }

    [Theory]
    [InlineData(Roles.IntakeAgent)]
    [InlineData(Roles.Technician)]
    public async Task Other_roles_may_not_read_an_original(string role)
    {
        var (ticketId, messageId) = await ChangedMessageAsync(role == Roles.Technician ? "15557000073" : "15557000076");

        var result = await Reveal.RevealOriginalAsync(AuditTestData.As(role), ticketId, messageId, "I need to see what they wrote");

        Assert.False(result.Succeeded);
        Assert.Null(result.Number);
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(shared.App, AuditActions.OriginalRevealed), e => e.Target.StartsWith($"ticket #{ticketId} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_supervisor_reads_an_original_with_a_reason_which_is_audited_without_the_text()
    {
        const string customer = "15557000074";
        var (ticketId, messageId) = await ChangedMessageAsync(customer);

        var refused = await Reveal.RevealOriginalAsync(AuditTestData.Supervisor, ticketId, messageId, "why");
        var otherTicket = await Reveal.RevealOriginalAsync(AuditTestData.Supervisor, ticketId + 1000, messageId, "Customer disputes what was removed");
        var revealed = await Reveal.RevealOriginalAsync(AuditTestData.Supervisor, ticketId, messageId, "Customer disputes what was removed");

        Assert.False(refused.Succeeded);
        Assert.False(otherTicket.Succeeded);
        Assert.True(revealed.Succeeded, revealed.Message);
        Assert.Equal($"Leaking pipe, call me on {customer}", revealed.Number);
        var entry = Assert.Single(await AuditTestData.EntriesAsync(shared.App, AuditActions.OriginalRevealed), e => e.Target.StartsWith($"ticket #{ticketId} ", StringComparison.Ordinal));
        Assert.Contains("Customer disputes what was removed", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(customer, entry.Details + entry.Target, StringComparison.Ordinal);
    }

    private async Task<(int TicketId, long MessageId)> ChangedMessageAsync(string customer)
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, customer);
        await using var db = shared.App.CreateDbContext();
        return (ticketId, await db.Messages.Where(m => m.TicketId == ticketId && m.OriginalText != null).Select(m => m.Id).SingleAsync());
    }
}
