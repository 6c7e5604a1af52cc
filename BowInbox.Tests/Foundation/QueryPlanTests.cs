using System.Text.RegularExpressions;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.Identity;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

/// <summary>
/// Lookups that run per message must not scan tables that grow with every message. The SQL is the app's own, as EF
/// Core writes it for SQLite (<see cref="EntityFrameworkQueryableExtensions.ToQueryString"/>), so a changed query is
/// checked as it now is.
/// </summary>
public sealed partial class QueryPlanTests
{
    public static TheoryData<string> Lookups => ["outbox-by-wamid", "message-by-wamid", "pending-events", "due-outbox", "active-provider-by-number"];

    private static IQueryable Lookup(InboxDbContext db, string name) => name switch
    {
        "outbox-by-wamid" => RelaySessionFinder.SentPayloads(db, "100000000000011", "wamid.X"),
        "message-by-wamid" => RelaySessionFinder.StoredTicketIds(db, "100000000000011", "wamid.X"),
        "pending-events" => InboundProcessor.PendingQuery.Compile()(db),
        "due-outbox" => OutboxClaims.DueIdsQuery.Compile()(db, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 64),

        // The relay finds a provider by number only while its user is an active Technician: every step a search.
        "active-provider-by-number" => db.ActiveProviders().Where(p => p.WaIdHash == "h").Select(p => p.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static readonly Dictionary<string, string> Indexes = new()
    {
        ["outbox-by-wamid"] = "IX_Outbox_Wamid",
        ["message-by-wamid"] = "IX_Messages_Wamid",
        ["pending-events"] = "IX_InboundEvents_ProcessedAt",
        ["due-outbox"] = "IX_Outbox_Status_NextAttemptAt",
        ["active-provider-by-number"] = "IX_Providers_WaIdHash",
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task Per_message_lookups_use_an_index(string lookup)
    {
        await using var app = new InboxAppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var sql = WithParametersInline(Lookup(db, lookup).ToQueryString());
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains(Indexes[lookup], StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("USING", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameters_of_the_query_text_are_put_in_place()
        => Assert.Equal(
            "SELECT 1 FROM T WHERE a = 'x' AND b = 64 AND c = @p_10",
            WithParametersInline(".param set @p_1 'x'\n.param set @p 64\n\nSELECT 1 FROM T WHERE a = @p_1 AND b = @p AND c = @p_10"));

    /// <summary>
    /// ToQueryString declares SQLite parameters as <c>.param set @name value</c> lines (a shell command, not SQL); the
    /// values are SQL literals, so they take the parameters' places in the statement.
    /// </summary>
    internal static string WithParametersInline(string queryString)
    {
        var values = new Dictionary<string, string>();
        var statement = new List<string>();
        foreach (var line in queryString.Split('\n'))
        {
            var declared = ParamSet().Match(line.TrimEnd('\r'));
            if (declared.Success)
            {
                values[declared.Groups["name"].Value] = declared.Groups["value"].Value;
            }
            else if (statement.Count > 0 || line.Trim().Length > 0)
            {
                statement.Add(line.TrimEnd('\r'));
            }
        }

        return ParameterName().Replace(string.Join('\n', statement), m => values.GetValueOrDefault(m.Value, m.Value));
    }

    [GeneratedRegex(@"^\.param set (?<name>@\w+) (?<value>.+)$")]
    private static partial Regex ParamSet();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();
}
