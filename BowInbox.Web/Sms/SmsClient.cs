using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BowInbox.Core.WhatsApp;
using BowInbox.Web.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Sms;

/// <summary>The SMS provider's Messages API as BowInbox uses it. Only the outbox calls it.</summary>
public interface ISmsClient
{
    /// <summary>Sends one API message (the provider segments it) from our number to the recipient, both as E.164 digits.</summary>
    Task<SendOutcome> SendAsync(string fromDigits, string toDigits, string body, CancellationToken cancellationToken);
}

/// <summary><c>POST {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form-encoded, with basic auth.</summary>
internal sealed class SmsClient(HttpClient http, IOptions<SmsOptions> options) : ISmsClient
{
    public const string StatusPath = "/webhooks/sms/status";

    public async Task<SendOutcome> SendAsync(string fromDigits, string toDigits, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", "+" + toDigits),
            new("From", "+" + fromDigits),
            new("Body", body),
        };
        if (!string.IsNullOrWhiteSpace(settings.PublicBaseUrl))
        {
            form.Add(new("StatusCallback", settings.PublicBaseUrl.TrimEnd('/') + StatusPath));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode && Sid(answer) is { } sid
                ? new SendOutcome(sid, null)
                : new SendOutcome(null, Failure((int)response.StatusCode, answer));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(null, new SendFailure(SendErrorKind.Retryable, null, null, "The SMS provider did not answer in time", null));
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome(null, new SendFailure(SendErrorKind.Retryable, null, null, "Could not reach the SMS provider", ex.GetType().Name));
        }
    }

    private static string? Sid(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("sid", out var sid) && sid.GetString() is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The provider's error (<c>{"code":21610,"message":...}</c>): 429 and 5xx are tried again, the rest fail visibly.</summary>
    internal static SendFailure Failure(int status, string body)
    {
        int? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            code = json.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            // The provider's words may quote the recipient's number: it is masked before it is kept or shown.
            message = BowInbox.Core.Audit.NumberMask.Mask(json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (JsonException)
        {
        }

        var kind = status is 408 or 429 or >= 500 ? SendErrorKind.Retryable
            : status == 401 ? SendErrorKind.AuthFailure
            : SendErrorKind.Undeliverable;
        var title = message is null ? $"The SMS provider answered HTTP {status}" : $"SMS not sent: {message}";
        return new SendFailure(kind, status, code, title.Length > 300 ? title[..300] : title, code is null ? null : $"provider error {code}");
    }
}
