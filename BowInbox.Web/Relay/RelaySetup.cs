using BowInbox.Core.Scanning;
using BowInbox.Web.WhatsApp;
using Hangfire;

namespace BowInbox.Web.Relay;

public static class RelaySetup
{
    /// <summary>The masked relay: sessions on pool numbers, scanning, provider commands, the technician queue and the Admin pages' services.</summary>
    public static void AddRelay(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Scanning:KeywordsFile adds the marketplace's own phrases (docs/scanner.md); Scanning:Regions lists the countries
        // whose national numbers to read after the sender's own. A bad file or region stops the start with a clear message.
        var scanning = builder.Configuration.GetSection("Scanning");
        // The built-in lexicon is compiled once per process: its non-backtracking expressions take seconds and hundreds of
        // megabytes to build, which every host would otherwise pay again.
        var keywordsFile = scanning["KeywordsFile"];
        var lexicon = string.IsNullOrWhiteSpace(keywordsFile) ? IntentLexicon.Default : IntentLexicon.Load(keywordsFile);
        var regions = new ScannerRegions((scanning["Regions"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries));
        services.AddSingleton(new ContactScanner(lexicon, regions));
        services.AddSingleton(lexicon);
        services.AddSingleton<BowInbox.Web.Offenders.CustomerPause>();
        services.AddSingleton<BowInbox.Web.Offenders.PauseLifting>();
        services.AddSingleton<BowInbox.Web.Offenders.AlertPauseLifting>();
        services.AddSingleton<RelaySettings>();
        services.AddSingleton<RelayDelivery>();
        services.AddSingleton<RelaySessionStore>();
        services.AddSingleton<IRelaySessions>(sp => sp.GetRequiredService<RelaySessionStore>());
        services.AddSingleton<RelayScreening>();
        services.AddSingleton<RelayForwarder>();
        services.AddSingleton<RelayInbound>();
        services.AddSingleton<IInboundRelay>(sp => sp.GetRequiredService<RelayInbound>());
        services.AddSingleton<DeferredCommandSignal>();
        services.AddSingleton<DeferredCommandDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredCommandDispatcher>());
        services.AddSingleton<RelayCommands>();
        services.AddSingleton<IProviderCommandHandler>(sp => sp.GetRequiredService<RelayCommands>());
        services.AddSingleton<ArrivalWindows>();
        services.AddSingleton<IProviderCommandHandler, ArrivalWindowCommand>();
        services.AddSingleton<RelayAssignment>();
        services.AddSingleton<TechnicianQueue>();
        services.AddSingleton<TechnicianJobActions>();
        services.AddSingleton<BusinessNumbers>();
        services.AddTransient<RelayIdleCloseJob>();
    }

    /// <summary>Schedules the idle-session close under a constant id, so restarts update it instead of adding another.</summary>
    public static void MapRelay(this WebApplication app)
        => app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RelayIdleCloseJob>(RelayIdleCloseJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
}
