using BowInbox.Core.Numbers;
using BowInbox.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Security;

public static class SecuritySetup
{
    public static void AddNumberProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();

        // Numbers are encrypted with this key ring: it must survive restarts and be the same on every server, or stored
        // numbers become unreadable. It lives in the database (backed up with it), encrypted with a certificate.
        var keyRing = builder.Services.AddDataProtection()
            .SetApplicationName("BowInbox")
            .PersistKeysToDbContext<InboxDbContext>();
        KeyRingProtection.ProtectWithCertificate(keyRing, builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<LegacyKeyRingImport>();
        builder.Services.AddSingleton<INumberProtector, NumberProtector>();
    }
}
