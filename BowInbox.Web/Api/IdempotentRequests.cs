using System.Security.Cryptography;
using System.Text;
using BowInbox.Core.Api;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Api;

/// <summary>Marks a POST endpoint whose <c>Idempotency-Key</c> is honoured by <see cref="IdempotentRequests"/>.</summary>
public sealed record Idempotent;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs, stored in the database per API key. The key is reserved before the
/// request runs (the unique index lets one request through; a concurrent twin is answered 409), and a successful answer
/// is stored with it: a retry with the same body gets that answer back unchanged and changes nothing, one with another
/// body is 422. A failed request frees the key, so a corrected retry runs.
/// </summary>
public sealed class IdempotentRequests(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext http, IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
    {
        string? key = http.Request.Headers[Header];
        if (http.GetEndpoint()?.Metadata.GetMetadata<Idempotent>() is null || string.IsNullOrEmpty(key) || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await Results.Problem($"The {Header} header is at most {MaxKeyLength} characters.", statusCode: 400, title: "The request is not valid").ExecuteAsync(http);
            return;
        }

        var apiKeyId = ApiCaller.KeyId(http.User);
        var requestHash = await HashAsync(http.Request);
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var record = new IdempotencyRecord { ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var first = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, http.RequestAborted);
            await ReplayAsync(http, first, requestHash);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var stored = false;
        try
        {
            await next(http);
            if (http.Response.StatusCode is >= 200 and < 300)
            {
                record.StatusCode = http.Response.StatusCode;
                record.ContentType = http.Response.ContentType ?? "";
                record.ResponseBody = Encoding.UTF8.GetString(buffer.ToArray());
                await db.SaveChangesAsync(CancellationToken.None);
                stored = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            if (!stored)
            {
                db.IdempotencyRecords.Remove(record);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord? first, string requestHash)
    {
        if (first is null || !first.IsComplete)
        {
            await Results.Problem($"A request with this {Header} is still being handled; retry it shortly.", statusCode: 409, title: "Conflict").ExecuteAsync(http);
            return;
        }

        if (first.RequestHash != requestHash)
        {
            await Results.Problem($"This {Header} was already used with another request body; use a new key for a new request.", statusCode: 422, title: "Unprocessable").ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = first.StatusCode;
        http.Response.ContentType = first.ContentType;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.WriteAsync(first.ResponseBody, http.RequestAborted);
    }

    /// <summary>The method, path and raw body: the same key sent to another endpoint is another request.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var head = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. body.ToArray()]));
    }
}
