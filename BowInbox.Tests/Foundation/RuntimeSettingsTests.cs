using System.Text.Json;
using BowInbox.Bench;

namespace BowInbox.Tests.Foundation;

/// <summary>Runtime settings the app's throughput depends on, as built next to the app.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_app_promotes_hot_methods_without_waiting_for_the_jit_to_go_quiet()
        => Assert.Equal(0, AppRuntimeConfig().GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());

    [Fact]
    public void The_app_collects_with_server_GC_without_the_small_budgets_of_dynamic_adaptation()
    {
        var properties = AppRuntimeConfig();
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    private static JsonElement AppRuntimeConfig()
    {
        // Built in the same configuration as the tests; the benchmark starts this same file.
        var configuration = typeof(RuntimeSettingsTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        var appDll = AppProcess.AppDll(MachineProbe.RepoRoot(), configuration);
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(appDll, ".runtimeconfig.json")));
        return runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
