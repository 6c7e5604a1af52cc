using BowInbox.Core.Routing;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Routing.Web;

/// <summary>The app with a clock the test moves, and helpers to get a lead offered.</summary>
public class RoutingApp(FakeTimeProvider clock, string? existingFolder = null) : InboxAppFactory(existingFolder)
{
    public const string Customer = ChannelTestData.Customer;
    public const string TomWaId = "15550100001";
    public const string AnaWaId = "15550100002";
    public static readonly string[] PoolNumbers = ["100000000000011", "100000000000012", "100000000000013"];

    public RoutingApp()
        : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    public FakeTimeProvider Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Routing:AutomaticIntake", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<int> LeadOfferedAsync(string text = "burst pipe under the sink, downtown")
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(this, text);
        await PendingOfferAsync(ticketId);
        return ticketId;
    }

    public async Task<Offer> PendingOfferAsync(int ticketId)
    {
        await using var db = CreateDbContext();
        await Eventually.TrueAsync(() => db.Offers.AnyAsync(o => o.TicketId == ticketId && o.Status == OfferStatus.Pending), $"a pending offer for ticket {ticketId}");
        return await db.Offers.AsNoTracking().SingleAsync(o => o.TicketId == ticketId && o.Status == OfferStatus.Pending);
    }

    public async Task<List<Offer>> OffersAsync(int ticketId)
    {
        await using var db = CreateDbContext();
        return await db.Offers.AsNoTracking().Where(o => o.TicketId == ticketId).OrderBy(o => o.Id).ToListAsync();
    }

    public async Task<int> ProviderIdAsync(string displayName)
    {
        await using var db = CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == displayName).Select(p => p.Id).SingleAsync();
    }

    public async Task RunExpiryJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OfferExpiryJob>().RunAsync(CancellationToken.None);
    }
}
