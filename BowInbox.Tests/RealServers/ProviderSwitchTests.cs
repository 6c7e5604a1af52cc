using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// Compiled queries keep the SQL of the first database they ran against: a process that has used SQLite must still
/// run a conversation on PostgreSQL (each provider gets its own compiled copy).
/// </summary>
public sealed class ProviderSwitchTests
{
    [Fact]
    public async Task A_process_that_ran_the_relay_path_on_sqlite_runs_a_conversation_on_postgres()
    {
        await using (var sqlite = new InboxAppFactory())
        {
            await ChannelTestData.CustomerWroteAsync(sqlite, "first on SQLite");
        }

        await new PostgresServerTests().App_migrates_a_new_postgres_database_and_runs_a_conversation();
    }
}
