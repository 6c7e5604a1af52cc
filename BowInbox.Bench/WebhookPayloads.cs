using System.Globalization;
using System.Text;
using System.Text.Json;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Bench;

/// <summary>Webhook bodies shaped like Meta's, signed over their exact bytes as Meta signs them.</summary>
internal sealed class WebhookPayloads(string appSecret, string centralPhoneNumberId)
{
    public const string Path = "/webhooks/whatsapp";

    /// <summary>Simulated customers' wa_ids; a range no real person or seeded technician uses.</summary>
    public static string CustomerWaId(int customer) => (155520000000L + customer).ToString(CultureInfo.InvariantCulture);

    public static string ProviderWaId(int provider) => (155530000000L + provider).ToString(CultureInfo.InvariantCulture);

    public static string CustomerName(int customer) => $"Bench Customer{customer}";

    public SignedWebhook CustomerText(int customer, int token)
        => Text(centralPhoneNumberId, CustomerWaId(customer), CustomerName(customer), $"Is the plumber still coming? {RelayTracker.TokenText(token)}", token);

    /// <summary>The provider of <paramref name="customer"/>'s session replying on its pool number.</summary>
    public SignedWebhook ProviderText(int customer, string poolPhoneNumberId, int token)
        => Text(poolPhoneNumberId, ProviderWaId(customer), $"Bench Tech{customer}", $"On my way, there in ten minutes. {RelayTracker.TokenText(token)}", token);

    /// <summary>The provider of <paramref name="customer"/>'s session writing <paramref name="text"/> on its pool number (no bench token in it).</summary>
    public SignedWebhook ProviderSays(int customer, string poolPhoneNumberId, string text, int token)
        => Text(poolPhoneNumberId, ProviderWaId(customer), $"Bench Tech{customer}", text, token);

    private SignedWebhook Text(string phoneNumberId, string from, string name, string text, int token)
    {
        var json = $$"""
        {"object":"whatsapp_business_account","entry":[{"id":"300000000000001","changes":[{"value":{"messaging_product":"whatsapp",
        "metadata":{"display_phone_number":"15550000000","phone_number_id":"{{phoneNumberId}}"},
        "contacts":[{"profile":{"name":"{{name}}"},"wa_id":"{{from}}"}],
        "messages":[{"from":"{{from}}","id":"wamid.BENCH{{token}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}",
        "text":{"body":{{JsonSerializer.Serialize(text)}}},"type":"text"}]},"field":"messages"}]}]}
        """;
        var body = Encoding.UTF8.GetBytes(json);
        return new SignedWebhook(body, WebhookSignature.Compute(body, appSecret), token);
    }
}

internal sealed record SignedWebhook(byte[] Body, string Signature, int Token)
{
    public HttpRequestMessage ToRequest()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookPayloads.Path) { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, Signature);
        return request;
    }
}
