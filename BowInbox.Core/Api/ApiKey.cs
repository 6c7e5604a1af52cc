namespace BowInbox.Core.Api;

/// <summary>
/// A key the marketplace's own systems call the API with. Only the SHA-256 of the key is stored; the key itself
/// (<c>bwi_&lt;KeyId&gt;_&lt;secret&gt;</c>) is shown once, when it is created, and <see cref="KeyId"/> finds the row.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The visible, random part of the key after <c>bwi_</c>, used to find this row; not a secret on its own.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>The scopes, space-separated (see <see cref="ApiScopes"/>).</summary>
    public string Scopes { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public long UseCount { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Has(string scope) => ScopeList.Contains(scope, StringComparer.Ordinal);
}
