using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using BowInbox.Core.Kpi;
using BowInbox.Core.Tutoring;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Kpi;

/// <summary>
/// The ROI page's saved inputs, one <c>Settings</c> row per model (<c>roi.home-services</c>, <c>roi.insurance</c>,
/// <c>roi.tutoring</c>, <c>roi.generic</c>), the model last chosen (<c>roi.model</c>) and the leakage baseline
/// (<c>roi.leakage-baseline</c>). Reading and saving is for Supervisors and Admins; the baseline can also be fed by an API key.
/// </summary>
public sealed class RoiSettings(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    public const string ModelKey = "roi.model";
    public const string BaselineKey = "roi.leakage-baseline";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Key(RoiModel model) => model switch
    {
        RoiModel.HomeServices => "roi.home-services",
        RoiModel.Insurance => "roi.insurance",
        RoiModel.Tutoring => "roi.tutoring",
        _ => "roi.generic",
    };

    public static RoiModel ModelOf<T>() => typeof(T) == typeof(RoiInputs) ? RoiModel.HomeServices
        : typeof(T) == typeof(InsuranceRoiInputs) ? RoiModel.Insurance
        : typeof(T) == typeof(TutoringRoiInputs) ? RoiModel.Tutoring
        : typeof(T) == typeof(GenericRoiInputs) ? RoiModel.Generic
        : throw new ArgumentException($"{typeof(T).Name} is not an ROI model's inputs.");

    /// <summary>The saved inputs, or null when nobody saved them (the page then shows the published defaults); null for non-supervisors too.</summary>
    public async Task<T?> InputsAsync<T>(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!SupervisorAccess.MayAudit(user))
        {
            return null;
        }

        var json = await ReadAsync(Key(ModelOf<T>()), cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
    }

    /// <summary>Null when saved, else why not; nothing changes then.</summary>
    public async Task<string?> SaveInputsAsync<T>(ClaimsPrincipal user, T inputs, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!SupervisorAccess.MayAudit(user))
        {
            return "Only Supervisors and Admins can save ROI inputs.";
        }

        if (RoiModels.Problem(inputs) is { } problem)
        {
            return problem;
        }

        await StoreAsync(Key(ModelOf<T>()), JsonSerializer.Serialize(inputs, Json), SupervisorAccess.Actor(user), cancellationToken);
        return null;
    }

    public async Task<RoiModel> ModelAsync(CancellationToken cancellationToken = default)
        => await ReadAsync(ModelKey, cancellationToken) is { } json && JsonSerializer.Deserialize<RoiModel>(json, Json) is var model && Enum.IsDefined(model) ? model : RoiModel.HomeServices;

    public async Task<bool> ChooseModelAsync(ClaimsPrincipal user, RoiModel model, CancellationToken cancellationToken = default)
    {
        if (!SupervisorAccess.MayAudit(user) || !Enum.IsDefined(model))
        {
            return false;
        }

        await StoreAsync(ModelKey, JsonSerializer.Serialize(model, Json), SupervisorAccess.Actor(user), cancellationToken);
        return true;
    }

    public async Task<LeakageBaseline> BaselineAsync(CancellationToken cancellationToken = default)
        => await ReadAsync(BaselineKey, cancellationToken) is { } json ? JsonSerializer.Deserialize<LeakageBaseline>(json, Json) ?? LeakageBaseline.Empty : LeakageBaseline.Empty;

    /// <summary>A Supervisor or Admin typing a period's figures in on the ROI page.</summary>
    public Task<string?> SaveBaselineAsync(ClaimsPrincipal user, LeakagePhase phase, LeakagePeriod period, CancellationToken cancellationToken = default)
        => SupervisorAccess.MayAudit(user)
            ? SaveBaselineAsync(SupervisorAccess.Actor(user), phase, period, cancellationToken)
            : Task.FromResult<string?>("Only Supervisors and Admins can change the leakage baseline.");

    /// <summary>Stores one period's figures (replacing that phase's), so sending the same figures again changes nothing. Null when stored, else why not.</summary>
    public async Task<string?> SaveBaselineAsync(string actor, LeakagePhase phase, LeakagePeriod period, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(phase))
        {
            return "The phase is before or after.";
        }

        if (period.Problem() is { } problem)
        {
            return problem;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.SettingJsonAsync(BaselineKey, cancellationToken) is { } json ? JsonSerializer.Deserialize<LeakageBaseline>(json, Json) ?? LeakageBaseline.Empty : LeakageBaseline.Empty;
        await db.StoreSettingAsync(BaselineKey, JsonSerializer.Serialize(current.With(phase, period), Json), actor, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SettingJsonAsync(key, cancellationToken);
    }

    private async Task StoreAsync(string key, string json, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StoreSettingAsync(key, json, actor, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
