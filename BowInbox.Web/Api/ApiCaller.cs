using System.Globalization;
using System.Security.Claims;

namespace BowInbox.Web.Api;

/// <summary>The API key behind a request, as its claims say.</summary>
public static class ApiCaller
{
    public static string ActorName(string keyName) => $"api-key:{keyName}";

    public static int KeyId(ClaimsPrincipal user)
        => int.Parse(user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) ?? throw new InvalidOperationException("Not an API key caller."), CultureInfo.InvariantCulture);

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "api-key";
}
