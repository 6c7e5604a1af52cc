using System.ComponentModel.DataAnnotations;

namespace BowInbox.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>SqlServer</c> (production) or <c>Postgres</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    Postgres = 2,
}
