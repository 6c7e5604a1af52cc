using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BowInbox.Web.Webhooks;

/// <summary>Signing secrets: made at random, kept protected with the app's key ring (shared by every server).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.WebhookSecrets.v1");

    public static string NewSecret() => "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
