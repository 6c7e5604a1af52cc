using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

public sealed class NumberRevealTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private NumberReveal Reveal => shared.App.Services.GetRequiredService<NumberReveal>();

    [Theory]
    [InlineData(Roles.IntakeAgent)]
    [InlineData(Roles.Technician)]
    public async Task Other_roles_are_refused_even_with_a_reason(string role)
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, role == Roles.Technician ? "15557000061" : "15557000062");

        var customer = await Reveal.RevealAsync(AuditTestData.As(role), ticketId, RevealParty.Customer, "I need to call them about the leak");
        var provider = await Reveal.RevealAsync(AuditTestData.As(role), ticketId, RevealParty.Provider, "I need to call them about the leak");

        Assert.False(customer.Succeeded);
        Assert.Null(customer.Number);
        Assert.Null(provider.Number);
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(shared.App, AuditActions.NumberRevealed), e => e.Target.StartsWith($"ticket #{ticketId} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reason_is_required()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000063");

        var result = await Reveal.RevealAsync(AuditTestData.Supervisor, ticketId, RevealParty.Customer, "  because ");

        Assert.False(result.Succeeded);
        Assert.Null(result.Number);
    }

    [Fact]
    public async Task Supervisor_reveals_customer_and_provider_numbers_and_each_reveal_is_audited_without_the_number()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000064");

        var customer = await Reveal.RevealAsync(AuditTestData.Supervisor, ticketId, RevealParty.Customer, "Customer asked for a call back");
        var provider = await Reveal.RevealAsync(AuditTestData.As(Roles.Admin, "admin@demo.local"), ticketId, RevealParty.Provider, "Technician unreachable on WhatsApp");

        Assert.Equal("+15557000064", customer.Number);
        Assert.Equal("+" + AuditTestData.ProviderNumber, provider.Number);
        var entries = (await AuditTestData.EntriesAsync(shared.App, AuditActions.NumberRevealed)).Where(e => e.Target.StartsWith($"ticket #{ticketId} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("supervisor@demo.local", "reason: Customer asked for a call back"), (entries[0].Actor, entries[0].Details));
        Assert.Equal("admin@demo.local", entries[1].Actor);
        Assert.All(entries, e => Assert.DoesNotContain("1555", e.Target + e.Details));
    }
}
