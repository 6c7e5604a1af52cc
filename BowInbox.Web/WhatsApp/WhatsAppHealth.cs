using BowInbox.Core.WhatsApp;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BowInbox.Web.WhatsApp;

/// <summary>Goes red when Meta rejects our access token (error 190): every send fails until an admin renews it.</summary>
public sealed class WhatsAppHealth : IHealthCheck
{
    private volatile string? authFailure;

    public void Report(SendOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            authFailure = null;
        }
        else if (outcome.Failure!.Kind == SendErrorKind.AuthFailure)
        {
            authFailure = outcome.Failure.Title;
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(authFailure is null
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"WhatsApp rejected the access token ({authFailure}); renew WhatsApp:AccessToken."));
}
