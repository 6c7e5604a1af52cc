using BowInbox.Core.Channel;
using BowInbox.Data;
using BowInbox.Data.Sqlite;
using BowInbox.Tests.Support;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Privacy;

public sealed class InboundEventPurgeTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Processed_and_parked_events_past_retention_are_deleted_recent_and_pending_ones_kept()
    {
        await using var database = await TestContexts.MigratedSqliteAsync();
        await PurgesPastRetentionAsync(new SameDatabase(database));
    }

    /// <summary>The purge's scenario on any database (the real-server tests run it on PostgreSQL).</summary>
    internal static async Task PurgesPastRetentionAsync(IDbContextFactory<InboxDbContext> contexts)
    {
        await using (var db = contexts.CreateDbContext())
        {
            // More old processed events than one delete takes, so the job has to go round again.
            db.InboundEvents.AddRange(Enumerable.Range(0, InboundEventPurgeJob.BatchSize + 3).Select(i => Event($"old-{i}", received: Now.AddDays(-9), processed: Now.AddDays(-8))));
            db.InboundEvents.AddRange(
                Event("parked", received: Now.AddDays(-12), processed: Now.AddDays(-11), error: "FormatException: parked after 5 attempts"),
                Event("just-past", received: Now.AddDays(-7).AddMinutes(-2), processed: Now.AddDays(-7).AddMinutes(-1)),
                Event("recent", received: Now.AddDays(-6), processed: Now.AddDays(-6)),
                Event("pending-old", received: Now.AddDays(-30), processed: null),
                Event("pending-new", received: Now, processed: null));
            await db.SaveChangesAsync();
        }

        var purged = await Job(contexts, retentionDays: 7).RunAsync(CancellationToken.None);

        Assert.Equal(InboundEventPurgeJob.BatchSize + 3 + 2, purged);
        await using var check = contexts.CreateDbContext();
        var left = await check.InboundEvents.AsNoTracking().OrderBy(e => e.Payload).Select(e => e.Payload).ToListAsync();
        Assert.Equal(["pending-new", "pending-old", "recent"], left);
    }

    [Fact]
    public async Task The_retention_is_the_configured_number_of_days()
    {
        await using var database = await TestContexts.MigratedSqliteAsync();
        var contexts = new SameDatabase(database);
        await using (var db = contexts.CreateDbContext())
        {
            db.InboundEvents.AddRange(Event("two-days", Now.AddDays(-2), Now.AddDays(-2)), Event("half-a-day", Now.AddHours(-12), Now.AddHours(-12)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await Job(contexts, retentionDays: 3).RunAsync(CancellationToken.None));
        Assert.Equal(1, await Job(contexts, retentionDays: 1).RunAsync(CancellationToken.None));

        await using var check = contexts.CreateDbContext();
        Assert.Equal("half-a-day", await check.InboundEvents.Select(e => e.Payload).SingleAsync());
    }

    [Fact]
    public async Task The_app_reads_seven_days_by_default_and_schedules_the_purge()
    {
        await using var app = new InboxAppFactory();

        Assert.Equal(7, app.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value.InboundEventRetentionDays);
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        await Eventually.TrueAsync(
            () => Task.FromResult(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Any(j => j.Id == InboundEventPurgeJob.JobId)),
            "the purge to be scheduled");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("3651")]
    [InlineData("a week")]
    public async Task A_retention_outside_one_to_3650_days_stops_the_app_naming_the_setting(string value)
    {
        await using var app = new InboxAppFactory();
        app.Settings["Privacy:InboundEventRetentionDays"] = value;

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.Contains("InboundEventRetentionDays", string.Join(" | ", messages));
    }

    private static InboundEventPurgeJob Job(IDbContextFactory<InboxDbContext> contexts, int retentionDays)
        => new(
            contexts,
            new DatabaseWriteGate(serialize: true),
            Options.Create(new PrivacyOptions { InboundEventRetentionDays = retentionDays }),
            new FakeTimeProvider(Now),
            NullLogger<InboundEventPurgeJob>.Instance);

    private static InboundEvent Event(string payload, DateTime received, DateTime? processed, string? error = null)
        => new() { Payload = payload, ReceivedAt = received, ProcessedAt = processed, Attempts = processed is null ? 0 : 1, LastError = error };

    /// <summary>Contexts on one in-memory database, with no app whose processor would pick up the pending events.</summary>
    private sealed class SameDatabase(SqliteInboxDbContext database) : IDbContextFactory<InboxDbContext>
    {
        public InboxDbContext CreateDbContext()
            => new SqliteInboxDbContext(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite(database.Database.GetDbConnection()).Options);
    }
}
