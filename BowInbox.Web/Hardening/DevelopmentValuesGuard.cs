using Microsoft.Extensions.FileProviders;

namespace BowInbox.Web.Hardening;

/// <summary>
/// Outside Development the app does not start while a secret committed in an <c>appsettings*.json</c> file (the
/// development number-hash key, app secret, verify token, access token, or any other key, secret, token or password
/// there) is still in effect: everyone who can read the repository knows them. The error names the setting.
/// </summary>
public sealed class DevelopmentValuesGuard(IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    private static readonly string[] SecretEndings = ["Key", "Secret", "Token", "Password"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment())
        {
            return Task.CompletedTask;
        }

        var inEffect = Committed(environment.ContentRootFileProvider)
            .Where(committed => configuration[committed.Key] == committed.Value)
            .Select(committed => committed.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return inEffect.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException(
                $"Setting {string.Join(", ", inEffect.Select(key => $"'{key}'"))} still has the development value committed in appsettings; "
                + $"set a secret of your own (environment variable {inEffect[0].Replace(":", "__", StringComparison.Ordinal)}).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every non-empty secret-named value in the content root's <c>appsettings*.json</c> files.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Committed(IFileProvider files)
    {
        foreach (var file in files.GetDirectoryContents("").Where(IsSettingsFile))
        {
            var settings = new ConfigurationBuilder().AddJsonFile(files, file.Name, optional: true, reloadOnChange: false).Build();
            foreach (var (key, value) in settings.AsEnumerable())
            {
                if (!string.IsNullOrEmpty(value) && IsSecret(key))
                {
                    yield return new(key, value);
                }
            }
        }
    }

    private static bool IsSettingsFile(IFileInfo file)
        => !file.IsDirectory && file.Name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSecret(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretEndings.Any(ending => name.EndsWith(ending, StringComparison.OrdinalIgnoreCase));
    }
}
