namespace BowInbox.Tests.Support;

/// <summary>
/// One SQLite database migrated and seeded once per test run, copied into each new app's folder: every app of the suite
/// would otherwise apply every migration and hash the demo users' passwords again at its start. The copy is the same
/// database the app's own start would have made (the app still runs its migrator and idempotent seed over it).
/// </summary>
internal static class TemplateDatabase
{
    private static readonly Lazy<string> File = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string databaseFile) => System.IO.File.Copy(File.Value, databaseFile);

    private static string Create()
    {
        var app = new InboxAppFactory(useTemplate: false) { KeepFolder = true };
        try
        {
            _ = app.Server;
        }
        finally
        {
            // Disposing closes every pooled connection, which folds the write-ahead log into the file.
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return app.DatabaseFile;
    }
}
