using BowInbox.Core.Numbers;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// The rules a number's Meta account fields must keep. BSUIDs are per business portfolio: a customer's BSUID seen on
/// the central number means nothing to a pool number of another portfolio, so a relay session's pool number must be
/// in the central number's portfolio, unless parent BSUIDs (shared by linked portfolios) are enabled.
/// </summary>
public static class NumberAccountRules
{
    public static string? CheckIds(string? portfolioId, string? wabaId)
    {
        if (portfolioId is not null && !IsMetaId(portfolioId))
        {
            return "The business portfolio id is the numeric id Meta shows in Business Settings (up to 32 digits).";
        }

        return wabaId is not null && !IsMetaId(wabaId)
            ? "The WhatsApp Business Account id is the numeric id Meta shows in WhatsApp Manager (up to 32 digits)."
            : null;
    }

    /// <summary>
    /// Refuses an active pool number of another portfolio than the active central number, or a central number of
    /// another portfolio than the active pool numbers; numbers whose portfolio is not recorded are not compared.
    /// </summary>
    public static async Task<string?> CheckPortfolioAsync(
        InboxDbContext db, int? id, NumberPurpose purpose, bool active, string? portfolioId, bool parentBsuidsEnabled, CancellationToken cancellationToken)
    {
        if (parentBsuidsEnabled || !active || portfolioId is null)
        {
            return null;
        }

        var other = purpose == NumberPurpose.Central ? NumberPurpose.ProviderPool : NumberPurpose.Central;
        var mismatched = await db.ProxyNumbers.AsNoTracking()
            .Where(n => n.Purpose == other && n.Active && n.Id != id && n.PortfolioId != null && n.PortfolioId != portfolioId)
            .Select(n => n.PhoneNumberId)
            .FirstOrDefaultAsync(cancellationToken);
        if (mismatched is null)
        {
            return null;
        }

        return purpose == NumberPurpose.ProviderPool
            ? $"This pool number is in business portfolio {portfolioId}, the central number in another one. Customers' BSUIDs are per portfolio, so relay sessions on it could not reach them. Use a number of the central number's portfolio, or enable parent BSUIDs (WhatsApp:ParentBsuidsEnabled) for linked portfolios."
            : $"Pool number {mismatched} is in another business portfolio than {portfolioId}. Customers' BSUIDs are per portfolio, so relay sessions could not reach them. Keep every number in one portfolio, or enable parent BSUIDs (WhatsApp:ParentBsuidsEnabled) for linked portfolios.";
    }

    private static bool IsMetaId(string value) => value.Length is >= 1 and <= 32 && value.All(char.IsAsciiDigit);
}
