using System.Security.Claims;
using BowInbox.Core.Api;
using BowInbox.Core.Tutoring;
using BowInbox.Web.Api;
using BowInbox.Web.Kpi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BowInbox.Web.Tutoring;

/// <summary>One period's booking figures as the marketplace reports them.</summary>
public sealed record LeakagePeriodBody(DateOnly? From, DateOnly? To, int? LeadsBooked, int? SessionsPaid);

/// <summary>A period with its leakage (a fraction), or why no leakage is given.</summary>
public sealed record LeakagePeriodView(DateOnly From, DateOnly To, int LeadsBooked, int SessionsPaid, decimal? Leakage, string? Withheld)
{
    public static LeakagePeriodView? Of(LeakagePeriod? period)
        => period is null ? null : new(period.From, period.To, period.LeadsBooked, period.SessionsPaid, period.Leakage, period.Withheld);
}

public sealed record LeakageBaselineView(LeakagePeriodView? Before, LeakagePeriodView? After, decimal? Reduction)
{
    public static LeakageBaselineView Of(LeakageBaseline baseline) => new(LeakagePeriodView.Of(baseline.Before), LeakagePeriodView.Of(baseline.After), baseline.Reduction);
}

/// <summary>
/// <c>/api/v1/leakage</c> (metrics scope): the marketplace feeds the ROI page's leakage baseline, leads booked (L_total)
/// and sessions paid on the platform (R_retained) for the period before BowInbox and the one with it.
/// </summary>
public static class LeakageApi
{
    public static void MapLeakage(this RouteGroupBuilder api)
    {
        var leakage = api.MapGroup("/leakage").WithTags("Leakage baseline").RequireAuthorization(ApiPolicies.For(ApiScopes.Metrics));
        leakage.MapPut("/{phase}", PutAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Report a period's leads booked and sessions paid")
            .WithDescription("phase is before (without BowInbox) or after (with it). The figures replace that phase's, so sending them again changes nothing. "
                + "Leakage = 1 − sessionsPaid ÷ leadsBooked, given from 30 leads booked up.");
        leakage.MapGet("/", GetAsync).WithSummary("The leakage baseline before and after");
    }

    private static async Task<Results<Ok<LeakageBaselineView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string phase, LeakagePeriodBody body, ClaimsPrincipal user, RoiSettings settings, CancellationToken cancellationToken)
    {
        LeakagePhase? which = phase switch { "before" => LeakagePhase.Before, "after" => LeakagePhase.After, _ => null };
        if (which is null)
        {
            return TypedResults.Problem("The phase is before or after.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var errors = new FieldErrors();
        if (body.From is null)
        {
            errors.Add("from", "Give the first day of the period (yyyy-mm-dd).");
        }

        if (body.To is null)
        {
            errors.Add("to", "Give the last day of the period (yyyy-mm-dd).");
        }

        if (body.LeadsBooked is null)
        {
            errors.Add("leadsBooked", "Give the number of leads booked in the period.");
        }

        if (body.SessionsPaid is null)
        {
            errors.Add("sessionsPaid", "Give the number of those sessions paid on the platform.");
        }

        if (errors.Any)
        {
            return errors.ToValidationResult();
        }

        var period = new LeakagePeriod(body.From!.Value, body.To!.Value, body.LeadsBooked!.Value, body.SessionsPaid!.Value);
        if (await settings.SaveBaselineAsync(ApiCaller.Actor(user), which.Value, period, cancellationToken) is { } problem)
        {
            errors.Add("period", problem);
            return errors.ToValidationResult();
        }

        return TypedResults.Ok(LeakageBaselineView.Of(await settings.BaselineAsync(cancellationToken)));
    }

    private static async Task<Ok<LeakageBaselineView>> GetAsync(RoiSettings settings, CancellationToken cancellationToken)
        => TypedResults.Ok(LeakageBaselineView.Of(await settings.BaselineAsync(cancellationToken)));
}
