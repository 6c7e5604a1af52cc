using BowInbox.Core.Tickets;
using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

public sealed class DevelopmentSeedTests
{
    [Fact]
    public async Task Seed_creates_the_documented_demo_data_and_is_idempotent()
    {
        await using var app = new InboxAppFactory();
        _ = app.Server;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DevelopmentSeed>().RunAsync(CancellationToken.None);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(11, await db.Users.CountAsync());
        Assert.Equal(8, await db.Providers.CountAsync());
        Assert.Equal(["Electricians - Downtown", "Insurer desk - Acme", "Plumbers - Downtown", "Plumbers - Uptown", "Tutors - Math", "Underwriting - Acme"], await db.ProviderGroups.OrderBy(g => g.Name).Select(g => g.Name).ToListAsync());
        var insurer = await db.Insurers.SingleAsync();
        Assert.Equal(("Acme Insurance", @"POL-\d{8}"), (insurer.Name, insurer.PolicyPatterns));
        Assert.Equal(["Insurer desk - Acme", "Underwriting - Acme"], await db.ProviderGroups.Where(g => g.Id == insurer.DeskGroupId || g.Id == insurer.UnderwritingGroupId).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync());
        Assert.Equal(["100000000000001", "100000000000011", "100000000000012", "100000000000013", "15550009999"], await db.ProxyNumbers.OrderBy(n => n.PhoneNumberId).Select(n => n.PhoneNumberId).ToListAsync());
        Assert.Equal(TicketChannels.Sms, (await db.ProxyNumbers.SingleAsync(n => n.PhoneNumberId == "15550009999")).Channel);
        Assert.Equal(NumberPurpose.Central, (await db.ProxyNumbers.SingleAsync(n => n.DisplayNumber == "15550000000")).Purpose);

        var numbers = app.Services.GetRequiredService<INumberProtector>();
        var tech2 = await db.Providers.Include(p => p.Groups).ThenInclude(m => m.Group).SingleAsync(p => p.WaIdHash == numbers.Hash("15550100002"));
        Assert.Equal("Ana Lopez", tech2.DisplayName);
        Assert.Equal("Plumbers - Downtown", Assert.Single(tech2.Groups).Group!.Name);
        Assert.Equal("15550100002", numbers.Unprotect(tech2.WaIdProtected!));
        Assert.DoesNotContain("15550100002", tech2.WaIdProtected);
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        // The README's first command on a new machine: nothing (Data Protection's key ring warm-up, a worker) may read a
        // table before the migrator has made it.
        await using var app = new InboxAppFactory(useTemplate: false);
        _ = app.Server;
        await using var db = app.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(TestContext.Current.CancellationToken));

        Assert.DoesNotContain(app.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_starts_without_demo_users()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        _ = app.Server;

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
