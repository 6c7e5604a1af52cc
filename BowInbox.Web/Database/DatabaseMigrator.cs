using BowInbox.Data;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Database;

/// <summary>Applies the provider's migrations (and the Development seed) before the app serves requests.</summary>
internal sealed class DatabaseMigrator(
    IServiceScopeFactory scopeFactory,
    IHostEnvironment environment,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s)", pending.Count);
        }

        await db.Database.MigrateAsync(cancellationToken);

        // Keys from the per-server folder of earlier versions, before anything (the seed, a request) reads the key ring.
        await scope.ServiceProvider.GetRequiredService<BowInbox.Web.Security.LegacyKeyRingImport>().ImportAsync(db, cancellationToken);

        if (environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DevelopmentSeed>().RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
