namespace BowInbox.Web.Kpi;

public static class KpiSetup
{
    public static void AddKpis(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KpiQueries>();
        builder.Services.AddSingleton<MessagingCosts>();
        builder.Services.AddSingleton<RoiSettings>();
        builder.Services.AddSingleton<Tutoring.BookingLinks>();
        builder.Services.Configure<MessagingPriceOptions>(builder.Configuration.GetSection(MessagingPriceOptions.Section));
    }
}
