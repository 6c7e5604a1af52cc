using BowInbox.Core.Numbers;
using BowInbox.Data;
using BowInbox.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BowInbox.Bench;

/// <summary>
/// The app's database and number protection, opened from the bench with the app's own registration code
/// and the same settings, so rows written here are indistinguishable from rows the app wrote.
/// </summary>
internal sealed class AppDatabase : IAsyncDisposable
{
    private readonly WebApplication host;

    private AppDatabase(WebApplication host)
    {
        this.host = host;
        Contexts = host.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>();
        Numbers = host.Services.GetRequiredService<INumberProtector>();
    }

    public IDbContextFactory<InboxDbContext> Contexts { get; }

    public INumberProtector Numbers { get; }

    public static AppDatabase Open(DatabaseProvider provider, string connectionString, BenchSecrets secrets, string keysPath)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = keysPath });
        builder.Logging.ClearProviders();
        var settings = secrets.Settings().ToDictionary(s => s.Key, s => (string?)s.Value);
        settings[$"{SecurityOptions.Section}:{nameof(SecurityOptions.DataProtectionKeysPath)}"] = keysPath;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNumberProtection();
        builder.Services.AddInboxDatabase(provider, connectionString);
        return new AppDatabase(builder.Build());
    }

    public async Task<int> InboundBacklogAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboundEvents.CountAsync(e => e.ProcessedAt == null, cancellationToken);
    }

    public async Task<int> ProcessedEventsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboundEvents.CountAsync(e => e.ProcessedAt != null, cancellationToken);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
