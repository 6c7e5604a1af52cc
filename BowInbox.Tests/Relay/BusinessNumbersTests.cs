using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Relay;

public sealed class BusinessNumbersTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private BusinessNumbers Numbers => shared.App.Services.GetRequiredService<BusinessNumbers>();

    [Fact]
    public async Task Admin_adds_and_edits_a_pool_number()
    {
        Assert.Null(await Numbers.SaveAsync("admin@demo.local", new NumberForm(null, "100000000000099", "+1 555 000 0099", NumberPurpose.ProviderPool, "Uptown", true)));
        var added = (await Numbers.ListAsync()).Single(n => n.PhoneNumberId == "100000000000099");
        Assert.Equal("15550000099", added.DisplayNumber);

        Assert.Null(await Numbers.SaveAsync("admin@demo.local", new NumberForm(added.Id, "100000000000099", "+1 555 000 0099", NumberPurpose.ProviderPool, null, false)));
        var edited = (await Numbers.ListAsync()).Single(n => n.PhoneNumberId == "100000000000099");
        Assert.False(edited.Active);
        Assert.Null(edited.Region);

        await using var db = shared.App.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.Action == AuditActions.NumberChanged && e.Target == "number:100000000000099").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.Equal("admin@demo.local", e.Actor));
        Assert.StartsWith("before: new; after: 100000000000099 [number ••99], ProviderPool, region Uptown, active", audited[0].Details);
        Assert.EndsWith("after: 100000000000099 [number ••99], ProviderPool, region none, inactive, portfolio none, WABA none, default msg/s", audited[1].Details);
        Assert.All(audited, e => Assert.DoesNotContain("15550000099", e.Details));
    }

    [Theory]
    [InlineData("abc", "+1 555 000 0098", NumberPurpose.ProviderPool, "numeric id")]
    [InlineData("100000000000098", "12", NumberPurpose.ProviderPool, "Display number")]
    [InlineData("100000000000011", "+1 555 000 0098", NumberPurpose.ProviderPool, "already listed")]
    [InlineData("100000000000098", "+1 555 000 0098", NumberPurpose.Central, "Another central number is active")]
    public async Task Invalid_numbers_are_refused_with_a_reason(string id, string display, NumberPurpose purpose, string expected)
    {
        var error = await Numbers.SaveAsync("admin@demo.local", new NumberForm(null, id, display, purpose, null, true));
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task The_only_central_number_cannot_be_switched_off()
    {
        await using var db = shared.App.CreateDbContext();
        var central = await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.Purpose == NumberPurpose.Central && n.Channel == BowInbox.Core.Tickets.TicketChannels.WhatsApp);
        var error = await Numbers.SaveAsync("admin@demo.local", new NumberForm(central.Id, central.PhoneNumberId, "+" + central.DisplayNumber, NumberPurpose.Central, null, false));
        Assert.Contains("only active central number", error);
    }

    [Theory]
    [InlineData("intake@demo.local")]
    [InlineData("supervisor@demo.local")]
    [InlineData("tech1@demo.local")]
    public async Task Only_admins_open_the_numbers_and_content_policy_pages(string email)
    {
        using var client = await Login.AsAsync(shared.App, email);
        foreach (var page in new[] { "/admin/numbers", "/admin/content-policy" })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain("numbers-table", html);
            Assert.DoesNotContain("policy-save", html);
        }

        using var admin = await Login.AsAsync(shared.App, "admin@demo.local");
        Assert.Contains("numbers-table", await admin.GetStringAsync("/admin/numbers"));
        var policyPage = await admin.GetStringAsync("/admin/content-policy");
        Assert.Contains("policy-save", policyPage);
        foreach (var kind in Enum.GetValues<BowInbox.Core.Scanning.ViolationKind>())
        {
            Assert.Contains($"policy-{kind}", policyPage);
        }
    }
}
