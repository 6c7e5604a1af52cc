using BowInbox.Web.Simulator;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Sms;

public static class SmsSetup
{
    /// <summary>The SMS channel: webhooks, keyword answers, the outbox's SMS path and the provider's client.</summary>
    public static void AddSmsChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section);
        services.AddSingleton<SmsOutbox>();
        services.AddSingleton<SmsKeywordReplies>();
        services.AddSingleton<WhatsAppContinuations>();
        var useSimulator = builder.Environment.IsDevelopment()
            && builder.Configuration.GetValue<bool>($"{SmsOptions.Section}:{nameof(SmsOptions.Simulator)}");
        var client = services.AddHttpClient<ISmsClient, SmsClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<SmsOptions>>().Value;
            http.BaseAddress = new Uri((useSimulator ? SimulatedSmsApi.BaseUrl : options.BaseUrl.TrimEnd('/')) + "/");
            http.Timeout = TimeSpan.FromSeconds(options.SendTimeoutSeconds);
        });
        if (useSimulator)
        {
            services.AddTransient<SimulatedSmsApi>();
            client.ConfigurePrimaryHttpMessageHandler<SimulatedSmsApi>();
        }
    }
}
