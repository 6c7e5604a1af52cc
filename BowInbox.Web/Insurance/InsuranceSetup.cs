using BowInbox.Web.Relay;

namespace BowInbox.Web.Insurance;

public static class InsuranceSetup
{
    /// <summary>Insurers (<c>/admin/insurers</c>), their part of intake and routing, and <c>/handoff_to_underwriter</c>.</summary>
    public static void AddInsurance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<InsurerCatalog>();
        services.AddSingleton<InsurerAdministration>();
        services.AddSingleton<InsuranceIntake>();
        services.AddSingleton<InsuranceDetails>();
        services.AddSingleton<InsurerResponseReport>();
        services.AddSingleton<UnderwriterHandoff>();
        services.AddSingleton<IProviderCommandHandler>(sp => sp.GetRequiredService<UnderwriterHandoff>());
    }
}
