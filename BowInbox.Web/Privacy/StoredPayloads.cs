using System.Text.Json;
using BowInbox.Core.WhatsApp;
using Microsoft.AspNetCore.DataProtection;

namespace BowInbox.Web.Privacy;

/// <summary>
/// Encrypts raw WhatsApp payloads kept in the database (webhook events as received, held pool messages) with the same
/// Data Protection key ring as the numbers: a payload names its sender (<c>from</c>, <c>wa_id</c>, user ids), quotes
/// contact cards and carries the words, so it is never written in clear. Encrypting it whole, after the signature
/// check, keeps every field that Meta adds covered, and hands the processor the payload exactly as received.
/// </summary>
public sealed class StoredPayloads(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.StoredPayloads.v1");

    public string Protect(string json) => protector.Protect(json);

    /// <summary>
    /// The payload as received. A payload stored before encryption was introduced is JSON, which starts with a brace
    /// or a bracket (never in an encrypted one's base64url): it is read as it is, so events pending at an upgrade are
    /// still processed, and the retention purge removes them afterwards.
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The payload was not encrypted with this key ring.</exception>
    public string Unprotect(string stored) => IsPlainJson(stored) ? stored : protector.Unprotect(stored);

    /// <summary>A message kept for later (<c>UnroutedMessages.RawJson</c>): its sender is kept apart, protected; the rest encrypted.</summary>
    public string ProtectMessage(InboundMessage message) => Protect(JsonSerializer.Serialize(
        message with { From = "", FromUserId = null, FromParentUserId = null, Username = null, IdentityChange = null }));

    public InboundMessage? ReadMessage(string stored) => JsonSerializer.Deserialize<InboundMessage>(Unprotect(stored));

    public static bool IsPlainJson(string stored)
    {
        var start = stored.AsSpan().TrimStart();
        return start.Length > 0 && start[0] is '{' or '[';
    }
}
