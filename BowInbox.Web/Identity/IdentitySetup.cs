using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace BowInbox.Web.Identity;

public static class IdentitySetup
{
    public const string AdminPolicy = "AdminOnly";

    /// <summary>
    /// How old a sign-in may be before it is checked against the database again (security stamp: a role change,
    /// deactivation or sign-out elsewhere ends it). Cookies and open pages (Blazor circuits) alike; hub connections are
    /// checked when they connect and ended at once on such a change.
    /// </summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>Hours a sign-in lasts without use; each use within the time extends it (sliding).</summary>
    public const string CookieHoursSetting = "Identity:CookieHours";

    public const int DefaultCookieHours = 8;

    public const int MaxCookieHours = 24 * 30;

    public static void AddInboxIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var cookieHours = builder.Configuration.GetValue(CookieHoursSetting, DefaultCookieHours);
        if (cookieHours is < 1 or > MaxCookieHours)
        {
            throw new InvalidOperationException($"Setting '{CookieHoursSetting}' must be between 1 and {MaxCookieHours} hours (it is {cookieHours}).");
        }

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "BowInbox.Auth";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(cookieHours);
        });

        // Checked on the app's clock, so a deactivated user's cookie is refused within the interval (and tests can show it).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, time) =>
        {
            options.ValidationInterval = RevalidationInterval;
            options.TimeProvider = time;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InboxDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
    }
}
