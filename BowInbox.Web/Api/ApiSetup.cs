using BowInbox.Data.Identity;
using BowInbox.Web.Hardening;
using BowInbox.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace BowInbox.Web.Api;

/// <summary>
/// The integration API under <c>/api/v1</c>: API-key authentication with one policy per scope, a rate limit per key,
/// <c>Idempotency-Key</c> on every POST, problem descriptions for every error, and the OpenAPI document with a Scalar
/// reference page for Admins.
/// </summary>
public static class ApiSetup
{
    public const string BasePath = "/api/v1";
    public const string DocumentPath = BasePath + "/openapi.json";
    public const string ReferencePath = "/admin/api-reference";
    public const string DocumentPolicy = "api:document";

    public static bool IsApiRequest(HttpContext http) => http.Request.Path.StartsWithSegments(BasePath);

    public static void AddIntegrationApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        ApiPolicies.Add(authorization);

        // The document is for the Admins who hand out keys (signed in) and for the systems that hold one.
        authorization.AddPolicy(DocumentPolicy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthentication.SchemeName)
            .RequireAssertion(context => context.User.IsInRole(Roles.Admin) || context.User.HasClaim(c => c.Type == ApiKeyAuthentication.KeyIdClaim)));
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResults>();
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<ApiLeads>();
        services.AddSingleton<BookingSessions>();
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BowInbox integration API",
                    Version = "v1",
                    Description = "Leads, booking sessions and tickets for the marketplace's own systems. Authenticate with "
                        + "'Authorization: Bearer <key>' (keys are created by Admins at /admin/api-keys). Every POST accepts an "
                        + "Idempotency-Key header. Errors are problem descriptions (RFC 9457). No response ever carries a phone number, BSUID or email.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key: bwi_<key id>_<secret>.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>After the status-code pages: API errors are answered as problem descriptions, never as the app's HTML pages.</summary>
    public static void UseIntegrationApi(this WebApplication app)
    {
        app.UseWhen(IsApiRequest, api => api.Use(async (http, next) =>
        {
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            await next(http);
            if (http.Response.StatusCode >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null && http.Response.ContentType is null)
            {
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http });
            }
        }).UseMiddleware<IdempotentRequests>());
    }

    public static void MapIntegrationApi(this WebApplication app)
    {
        var api = app.MapGroup(BasePath)
            .WithMetadata(new RequestLimit(RequestLimitKind.ApiPerKey))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapLeads();
        api.MapSessions();
        api.MapTickets();
        api.MapWebhookTests();
        Tutoring.LeakageApi.MapLeakage(api);

        app.MapOpenApi(DocumentPath).RequireAuthorization(DocumentPolicy).ExcludeFromDescription();
        app.MapScalarApiReference(ReferencePath, (options, http) => options
                .WithTitle("BowInbox API")
                .WithOpenApiRoutePattern(DocumentPath)
                .WithNonce(SecurityHeaders.Nonce(http)))
            .RequireAuthorization(IdentitySetup.AdminPolicy);
    }
}
