namespace BowInbox.Core.Scanning;

/// <summary>
/// What the scanner does with each kind of finding, and what is never a finding. Change one action
/// with <c>ContentPolicy.Default with { PaymentOutside = PolicyAction.Block }</c>.
/// </summary>
public sealed record ContentPolicy
{
    public static ContentPolicy Default { get; } = new();

    public PolicyAction Phone { get; init; } = PolicyAction.Redact;

    public PolicyAction Email { get; init; } = PolicyAction.Redact;

    public PolicyAction Link { get; init; } = PolicyAction.Redact;

    public PolicyAction SocialHandle { get; init; } = PolicyAction.Redact;

    public PolicyAction PaymentOutside { get; init; } = PolicyAction.Block;

    public PolicyAction ContactCard { get; init; } = PolicyAction.Block;

    public PolicyAction OffPlatformInvite { get; init; } = PolicyAction.Block;

    public PolicyAction ContactRequest { get; init; } = PolicyAction.Block;

    /// <summary>
    /// Never findings: a domain (<c>bowinbox.example</c>, which also allows its subdomains and email
    /// addresses), a handle (<c>@bowinbox</c>), an exact email address, or a phone number with its
    /// country code (<c>+15550000000</c>, the marketplace's own line).
    /// </summary>
    public IReadOnlyList<string> Allowlist { get; init; } = [];

    /// <summary>
    /// Regions whose numbers count as phone numbers when written without a country code. The first
    /// is the default region and accepts any possible number (so fictional 555 numbers count); the
    /// others accept only numbers valid there.
    /// </summary>
    public IReadOnlyList<string> PhoneRegions { get; init; } = ["US", "ES", "MX", "GB"];

    /// <summary>
    /// The countries of the marketplace's own numbers (<c>/admin/numbers</c>): read after the sender's own country when
    /// <c>Scanning:Regions</c> is not configured. Filled in by the relay, never stored.
    /// </summary>
    public IReadOnlyList<string> OwnNumberRegions { get; init; } = [];

    /// <summary>
    /// The insurers' policy-number patterns (<c>/admin/insurers</c>): a number inside a match is a policy number, not a
    /// phone number. Filled in by the relay, never stored.
    /// </summary>
    public IReadOnlyList<System.Text.RegularExpressions.Regex> PolicyNumberPatterns { get; init; } = [];

    public PolicyAction ActionFor(ViolationKind kind) => kind switch
    {
        ViolationKind.Phone => Phone,
        ViolationKind.Email => Email,
        ViolationKind.Link => Link,
        ViolationKind.SocialHandle => SocialHandle,
        ViolationKind.PaymentOutside => PaymentOutside,
        ViolationKind.ContactCard => ContactCard,
        ViolationKind.OffPlatformInvite => OffPlatformInvite,
        ViolationKind.ContactRequest => ContactRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown violation kind."),
    };

    public ContentPolicy WithAction(ViolationKind kind, PolicyAction action) => kind switch
    {
        ViolationKind.Phone => this with { Phone = action },
        ViolationKind.Email => this with { Email = action },
        ViolationKind.Link => this with { Link = action },
        ViolationKind.SocialHandle => this with { SocialHandle = action },
        ViolationKind.PaymentOutside => this with { PaymentOutside = action },
        ViolationKind.ContactCard => this with { ContactCard = action },
        ViolationKind.OffPlatformInvite => this with { OffPlatformInvite = action },
        ViolationKind.ContactRequest => this with { ContactRequest = action },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown violation kind."),
    };

    public bool AllowsDomain(string host)
    {
        var h = host.Trim().TrimEnd('.');
        foreach (var entry in Allowlist)
        {
            if (IsDomainEntry(entry)
                && (h.Equals(entry, StringComparison.OrdinalIgnoreCase)
                    || h.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    public bool AllowsEmail(string address)
    {
        var at = address.LastIndexOf('@');
        if (at > 0 && AllowsDomain(address[(at + 1)..]))
        {
            return true;
        }

        return Allowlist.Any(e => e.IndexOf('@') > 0 && e.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public bool AllowsHandle(string handle)
    {
        var h = handle.TrimStart('@');
        return Allowlist.Any(e => e.StartsWith('@') && e.AsSpan(1).Equals(h, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="digits"/> is an allowlisted number, with or without its country code.</summary>
    public bool AllowsPhone(string digits)
    {
        if (digits.Length < 7)
        {
            return false;
        }

        foreach (var entry in Allowlist)
        {
            if (entry.StartsWith('+'))
            {
                var allowed = new string(entry.Where(char.IsAsciiDigit).ToArray());
                // Written nationally, the trunk 0 stands where the country code was: 07911 123456 is +44 7911 123456.
                var national = digits.TrimStart('0');
                if (allowed.EndsWith(digits, StringComparison.Ordinal) || digits.EndsWith(allowed, StringComparison.Ordinal)
                    || (national.Length >= 7 && allowed.EndsWith(national, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsDomainEntry(string entry) =>
        !entry.StartsWith('@') && !entry.StartsWith('+') && !entry.Contains('@') && entry.Contains('.');
}
