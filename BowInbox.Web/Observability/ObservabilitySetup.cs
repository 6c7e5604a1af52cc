using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BowInbox.Web.Observability;

/// <summary>
/// Metrics, traces and logs through OpenTelemetry, as .NET Aspire's service defaults wire them: ASP.NET Core, HttpClient
/// and runtime instruments plus the app's own <see cref="InboxMetrics"/>; everything goes to an OTLP collector when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and the metrics are also served for Prometheus at <see cref="MetricsPath"/>.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard OpenTelemetry variable; set, it turns the OTLP exporter on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<InboxMetrics>();
        builder.Services.AddSingleton<BowInbox.Data.IWriteGateObserver>(sp => sp.GetRequiredService<InboxMetrics>());
        builder.Services.AddSingleton<WebhookTiming>();
        var metricsOptions = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddSingleton(MetricsAccess.From(metricsOptions));
        if (!metricsOptions.Enabled)
        {
            // The app's own meter still counts (nobody listens, so it costs nothing); no OpenTelemetry pipeline runs.
            return;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(InboxMetrics.MeterName)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsScrapeOrProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>Times the webhook; call before the endpoints run.</summary>
    public static void UseWebhookTiming(this WebApplication app)
        => app.Use((context, next) => context.RequestServices.GetRequiredService<WebhookTiming>().InvokeAsync(context, _ => next()));

    /// <summary>The Prometheus scrape endpoint, behind <see cref="MetricsAccess"/>; call after authentication.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        if (app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() is { Enabled: false })
        {
            return;
        }

        app.UseWhen(
            context => context.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use((context, next) => context.RequestServices.GetRequiredService<MetricsAccess>().InvokeAsync(context, _ => next())));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }

    private static bool IsScrapeOrProbe(PathString path)
        => path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
