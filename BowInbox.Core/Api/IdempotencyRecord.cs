namespace BowInbox.Core.Api;

/// <summary>
/// The first answer to a POST sent with an <c>Idempotency-Key</c>, per API key: a retry with the same key and body gets
/// this answer again and changes nothing. <see cref="StatusCode"/> 0 marks a request still being handled.
/// </summary>
public class IdempotencyRecord
{
    public long Id { get; set; }

    public int ApiKeyId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>Hex SHA-256 of the method, path and body the key was first used with.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string ContentType { get; set; } = "";

    public string ResponseBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public bool IsComplete => StatusCode != 0;
}
