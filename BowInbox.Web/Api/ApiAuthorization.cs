using BowInbox.Core.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BowInbox.Web.Api;

/// <summary>The key must carry <paramref name="Scope"/>.</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasClaim(ApiKeyAuthentication.ScopeClaim, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>One policy per scope (<c>api:read</c>, ...), each authenticated by API key only.</summary>
public static class ApiPolicies
{
    public static string For(string scope) => "api:" + scope;

    public static void Add(AuthorizationBuilder authorization)
    {
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(For(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(scope)));
        }
    }
}

/// <summary>
/// Answers the API's authorization failures with problem descriptions instead of the pages' redirects: 401 saying why
/// the key was refused, 403 naming the scope it lacks. Everything else is left to the default handling.
/// </summary>
internal sealed class ApiAuthorizationResults(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !ApiSetup.IsApiRequest(context))
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var why = context.Items[ApiKeyAuthentication.FailureItem] as string ?? "Send an API key as 'Authorization: Bearer <key>'.";
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", why);
            return;
        }

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
        await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
            missing.Count > 0 ? $"This API key lacks the '{string.Join("', '", missing)}' scope." : "This caller may not use this endpoint.",
            missing.Count > 0 ? missing[0] : null);
    }

    private Task WriteAsync(HttpContext context, int status, string title, string detail, string? scope = null)
    {
        context.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (scope is not null)
        {
            details.Extensions["missingScope"] = scope;
        }

        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details }).AsTask();
    }
}
