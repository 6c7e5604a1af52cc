using BowInbox.Core.Numbers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Security;

public static class SecuritySetup
{
    public static void AddNumberProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();

        var keysPath = builder.Configuration[$"{SecurityOptions.Section}:DataProtectionKeysPath"];
        if (string.IsNullOrWhiteSpace(keysPath))
        {
            keysPath = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
        }

        // Numbers are encrypted with this key ring: it must survive restarts or stored numbers become unreadable.
        builder.Services.AddDataProtection()
            .SetApplicationName("BowInbox")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        builder.Services.AddSingleton<INumberProtector, NumberProtector>();
    }
}
