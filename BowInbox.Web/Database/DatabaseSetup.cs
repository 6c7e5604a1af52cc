using BowInbox.Data;

namespace BowInbox.Web.Database;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Inbox";

    /// <summary>
    /// Picks the provider and connection string from configuration. With nothing configured outside
    /// Production, the embedded default is a SQLite file in <c>App_Data</c> next to the app.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) AddInboxDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (builder.Environment.IsProduction() || options.Provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"Missing setting 'ConnectionStrings:{ConnectionStringName}' for Database:Provider '{options.Provider}'. " +
                    "Set it in appsettings or the environment variable ConnectionStrings__Inbox.");
            }

            var file = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "bowinbox.db");
            connectionString = $"Data Source={file}";
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            InboxDatabaseRegistration.EnsureSqliteFolder(connectionString);
        }

        builder.Services.AddInboxDatabase(options.Provider, connectionString);
        return (options.Provider, connectionString);
    }
}
