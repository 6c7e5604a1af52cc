using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Relay;

public sealed class NumberAccountTests
{
    private const string Central = "100000000000001";
    private const string Admin = "admin@demo.local";

    private static async Task<ProxyNumber> NumberAsync(InboxAppFactory app, string phoneNumberId)
    {
        await using var db = app.CreateDbContext();
        return await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.PhoneNumberId == phoneNumberId);
    }

    private static NumberForm FormOf(ProxyNumber n, string? portfolio = null, string? waba = null, int? rate = null, bool coexistence = false)
        => new(n.Id, n.PhoneNumberId, "+" + n.DisplayNumber, n.Purpose, n.Region, n.Active, portfolio, waba, rate, coexistence);

    [Fact]
    public async Task A_pool_number_of_another_portfolio_is_refused_unless_parent_bsuids_are_enabled()
    {
        await using var app = new InboxAppFactory();
        var numbers = app.Services.GetRequiredService<BusinessNumbers>();
        var central = await NumberAsync(app, Central);
        Assert.Null(await numbers.SaveAsync(Admin, FormOf(central, portfolio: "7001")));

        var refused = await numbers.SaveAsync(Admin, new NumberForm(null, "100000000000098", "+1 555 000 0098", NumberPurpose.ProviderPool, null, true, "7002"));
        Assert.Contains("another one", refused);
        Assert.Contains("WhatsApp:ParentBsuidsEnabled", refused);
        Assert.Null(await numbers.SaveAsync(Admin, new NumberForm(null, "100000000000098", "+1 555 000 0098", NumberPurpose.ProviderPool, null, true, "7001")));

        // The central number cannot move away from its pool numbers either.
        Assert.Contains("Pool number 100000000000098", await numbers.SaveAsync(Admin, FormOf(central, portfolio: "7003")));
        Assert.Contains("numeric id", await numbers.SaveAsync(Admin, FormOf(central, portfolio: "BM-7001")));

        await using var linked = new InboxAppFactory();
        linked.Settings["WhatsApp:ParentBsuidsEnabled"] = "true";
        var linkedNumbers = linked.Services.GetRequiredService<BusinessNumbers>();
        Assert.Null(await linkedNumbers.SaveAsync(Admin, FormOf(await NumberAsync(linked, Central), portfolio: "7001")));
        Assert.Null(await linkedNumbers.SaveAsync(Admin, new NumberForm(null, "100000000000098", "+1 555 000 0098", NumberPurpose.ProviderPool, null, true, "7002")));
    }

    [Fact]
    public async Task Rates_are_kept_within_what_meta_grants_and_audited()
    {
        await using var app = new InboxAppFactory();
        var numbers = app.Services.GetRequiredService<BusinessNumbers>();
        var central = await NumberAsync(app, Central);

        Assert.Contains("between 1 and 1,000", await numbers.SaveAsync(Admin, FormOf(central, rate: 1001)));
        Assert.Null(await numbers.SaveAsync(Admin, FormOf(central, waba: "5001", rate: 250, coexistence: true)));

        var saved = await NumberAsync(app, Central);
        Assert.Equal(20, saved.EffectiveMessagesPerSecond());
        Assert.Equal("5001", saved.WabaId);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.Where(e => e.Action == AuditActions.NumberChanged && e.Target == $"number:{Central}").OrderBy(e => e.Sequence).LastAsync();
        Assert.Contains("WABA 5001, 250 msg/s, coexistence", entry.Details);
        Assert.Equal(20, (await app.Services.GetRequiredService<SendingNumbers>().ForAsync(Central, default)).MessagesPerSecond);
    }

    [Fact]
    public async Task Subscriptions_are_checked_and_an_admin_subscribes_the_app_with_an_audit_entry()
    {
        await using var app = new InboxAppFactory();
        var numbers = app.Services.GetRequiredService<BusinessNumbers>();
        Assert.Null(await numbers.SaveAsync(Admin, FormOf(await NumberAsync(app, Central), waba: "5001")));
        var subscriptions = app.Services.GetRequiredService<WabaSubscriptions>();

        Assert.Empty(await subscriptions.CheckAllAsync());
        Assert.False((await NumberAsync(app, Central)).WabaSubscribed);
        var health = await (await app.CreateBrowserlessClient().GetAsync("/health")).Content.ReadAsStringAsync();
        Assert.Contains($"not subscribed to the WhatsApp Business Account of number {Central}", health);

        Assert.Null(await subscriptions.SubscribeAsync(Admin, (await NumberAsync(app, Central)).Id));

        Assert.Contains(("POST", "5001"), app.Graph.AccountCalls);
        Assert.True((await NumberAsync(app, Central)).WabaSubscribed);
        Assert.Empty(await subscriptions.CheckAllAsync());
        Assert.True((await NumberAsync(app, Central)).WabaSubscribed);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == Admin && e.Target == $"number:{Central}" && e.Details == "app subscribed to WABA 5001"));
        Assert.Contains("Business Account id first", await subscriptions.SubscribeAsync(Admin, (await NumberAsync(app, "100000000000011")).Id));
    }

    [Fact]
    public async Task Health_degrades_when_a_number_with_open_windows_hears_no_webhook()
    {
        await using var app = new InboxAppFactory();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>();
        var now = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(now.AddHours(-3));
        var health = new NumberHealth(contexts, Options.Create(new WhatsAppOptions { GraphApiBaseUrl = FakeGraphApi.BaseUrl, WebhookSilenceMinutes = 60 }), time);
        time.SetUtcNow(now);
        await using (var db = app.CreateDbContext())
        {
            db.ConversationWindows.Add(new ConversationWindow { PhoneNumberId = Central, WaIdHash = "hash-of-someone", LastInboundAt = now.UtcDateTime.AddHours(-2) });
            await db.SaveChangesAsync();
            await db.ProxyNumbers.Where(n => n.PhoneNumberId == Central).ExecuteUpdateAsync(s => s.SetProperty(n => n.LastWebhookAt, now.UtcDateTime.AddMinutes(-61)));
        }

        var problems = await health.ProblemsAsync(default);
        Assert.Contains($"Number {Central} has open conversations but no webhook arrived for 60 minutes: check the app's subscription and that Meta can reach the webhook.", problems);

        await using (var db = app.CreateDbContext())
        {
            await db.ProxyNumbers.Where(n => n.PhoneNumberId == Central).ExecuteUpdateAsync(s => s.SetProperty(n => n.LastWebhookAt, now.UtcDateTime.AddMinutes(-59)));
        }

        Assert.DoesNotContain(await health.ProblemsAsync(default), p => p.Contains(Central, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("intake@demo.local")]
    [InlineData("supervisor@demo.local")]
    public async Task Only_admins_see_the_subscription_and_sending_controls(string email)
    {
        await using var app = new InboxAppFactory();
        using var client = await Login.AsAsync(app, email);
        var response = await client.GetAsync("/admin/numbers");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("check-subscriptions", html);
        Assert.DoesNotContain("number-waba", html);

        using var admin = await Login.AsAsync(app, Admin);
        var page = await admin.GetStringAsync("/admin/numbers");
        Assert.Contains("check-subscriptions", page);
        Assert.Contains("number-last-webhook", page);
    }
}
