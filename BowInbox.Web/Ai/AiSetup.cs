using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Ai;

public static class AiSetup
{
    /// <summary>
    /// The optional AI assistant (<c>AI</c> section, docs/ai.md). With no <c>AI:Endpoint</c> the assistant answers
    /// "off" to everything and no client that could call out is registered.
    /// </summary>
    public static void AddAiAssistant(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        var configured = builder.Configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();
        if (configured.IsConfigured)
        {
            services.AddSingleton(sp => OpenAiChat.CreateClient(sp.GetRequiredService<IOptions<AiOptions>>().Value));
            services.AddSingleton<IAiChat, OpenAiChat>();
        }
        else
        {
            services.AddSingleton<IAiChat, AiChatOff>();
        }

        services.AddSingleton<AiAssistant>();
        services.AddSingleton<AiQualification>();
        services.AddSingleton<LeakSecondOpinion>();
        services.AddHostedService(sp => sp.GetRequiredService<LeakSecondOpinion>());
        services.AddSingleton<BriefingSummary>();
        services.AddHostedService(sp => sp.GetRequiredService<BriefingSummary>());
    }
}
