namespace BowInbox.Web.Widget;

/// <summary>The web chat widget: its script, its visitor endpoints, and the Admin's widget keys.</summary>
public static class WidgetSetup
{
    public static void AddWebChatWidget(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.Section)
            .Validate(o => o.RequestsPerVisitorPerMinute >= 1 && o.RequestsPerAddressPerMinute >= 1 && o.PollSeconds >= 1,
                $"Settings '{WidgetOptions.Section}:RequestsPerVisitorPerMinute', 'RequestsPerAddressPerMinute' and 'PollSeconds' must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<WidgetIdentifiers>();
        services.AddSingleton<WidgetVisitorTokens>();
        services.AddSingleton<WidgetRequestLimits>();
        services.AddSingleton<WidgetConversations>();
        services.AddSingleton<WidgetHandover>();
        services.AddSingleton<WidgetKeyAdministration>();
    }

    public static void MapWebChatWidget(this WebApplication app)
    {
        app.MapWidgetScript();
        app.MapWidgetEndpoints();
    }
}
