using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Widget;

/// <summary>
/// The one-time code a visitor sends from WhatsApp (via a <c>wa.me</c> link) to carry the web conversation there.
/// Only its SHA-256 is stored; it is good for <see cref="Lifetime"/>.
/// </summary>
public static partial class HandoverCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    // No 0/O or 1/I: a visitor may type it by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => "WEB-" + RandomNumberGenerator.GetString(Alphabet, 8);

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.ToUpperInvariant())));

    /// <summary>The code in a WhatsApp text (the prefilled text may be edited around it), or null.</summary>
    public static string? Find(string? text)
        => text is null ? null : CodePattern().Match(text) is { Success: true } match ? match.Value.ToUpperInvariant() : null;

    /// <summary>The text the <c>wa.me</c> link prefills.</summary>
    public static string PrefilledText(string code) => $"Continue my web chat {code}";

    [GeneratedRegex("WEB-[A-HJ-NP-Z2-9]{8}", RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();
}
