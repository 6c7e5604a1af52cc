using BowInbox.Web.Live;
using BowInbox.Web.Simulator;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

public static class WhatsAppSetup
{
    /// <summary>
    /// The channel: webhook intake, inbound processing, the outbox and its sender. In Development with
    /// no <c>WhatsApp:GraphApiBaseUrl</c>, sends go to the built-in simulator instead of Meta.
    /// </summary>
    public static void AddWhatsAppChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>();

        services.AddSingleton<InboxEvents>();
        services.AddSingleton<InboundSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<WhatsAppHealth>();
        services.AddSingleton<CustomerRecords>();
        services.AddSingleton<CustomerMessageRecorder>();
        services.AddSingleton<SenderIdentities>();
        services.AddSingleton<IdentityChangeRecorder>();
        services.AddSingleton<UnroutedMessageRecorder>();
        services.AddSingleton<DeliveryStatusRecorder>();
        services.AddSingleton<MarketingPreferences>();
        services.AddSingleton<InboundEventHandler>();
        services.AddSingleton<InboundEventStore>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<OutboxRecorder>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<SendingNumbers>();
        // Meta's rate is per wall-clock second, whatever clock the rest of the app is given (a test may freeze it).
        services.AddSingleton(_ => new InProcessSendRateLimiter(TimeProvider.System));
        services.AddSingleton<ISendRateLimiter>(sp => sp.GetService<RedisBackplaneConnection>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisSendRateLimiter>(sp, redis)
            : sp.GetRequiredService<InProcessSendRateLimiter>());
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventStore>());
        services.AddHostedService(sp => sp.GetRequiredService<InboundProcessor>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<WebhookArrivals>();
        services.AddSingleton<WabaSubscriptions>();
        services.AddSingleton<NumberHealth>();
        services.AddHostedService<WhatsAppStartupChecks>();
        services.AddHealthChecks().AddCheck<WhatsAppHealth>("whatsapp").AddCheck<NumberHealth>(NumberHealth.Name);

        var configuredBaseUrl = builder.Configuration[$"{WhatsAppOptions.Section}:{nameof(WhatsAppOptions.GraphApiBaseUrl)}"];
        var useSimulator = builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuredBaseUrl);
        var client = services.AddHttpClient<IWhatsAppClient, WhatsAppClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            http.BaseAddress = new Uri(useSimulator ? SimulatedGraphApi.BaseUrl : options.EffectiveGraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(options.SendTimeoutSeconds);
        });

        var accounts = services.AddHttpClient<WabaSubscriptionClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            http.BaseAddress = new Uri(useSimulator ? SimulatedGraphApi.BaseUrl : options.EffectiveGraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(options.SendTimeoutSeconds);
        });

        if (builder.Environment.IsDevelopment())
        {
            services.AddSingleton<SimulatorPhones>();
            services.AddSingleton<SimulatedWebhooks>();
            services.AddSingleton<SimulatorSender>();
            services.AddHttpClient("simulator");
        }

        if (useSimulator)
        {
            services.AddTransient<SimulatedGraphApi>();
            client.ConfigurePrimaryHttpMessageHandler<SimulatedGraphApi>();
            accounts.ConfigurePrimaryHttpMessageHandler<SimulatedGraphApi>();
        }
    }

    public static void MapWhatsApp(this WebApplication app)
    {
        app.MapWhatsAppWebhook();
        if (!app.Environment.IsDevelopment())
        {
            // The simulator's pages do not exist outside Development.
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/dev"))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next();
            });
        }
    }
}
