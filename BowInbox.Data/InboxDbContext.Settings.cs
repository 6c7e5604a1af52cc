using BowInbox.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Data;

/// <summary>The <c>Settings</c> table's one read and one write: a setting's JSON by key, and storing it with who and when.</summary>
public partial class InboxDbContext
{
    /// <summary>The stored JSON of a setting, or null when nobody has set it.</summary>
    public Task<string?> SettingJsonAsync(string key, CancellationToken cancellationToken)
        => Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Json).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds or updates the setting in this unit of work; the caller saves.</summary>
    public async Task StoreSettingAsync(string key, string json, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var setting = await Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            setting = new Setting { Key = key };
            Settings.Add(setting);
        }

        setting.Json = json;
        setting.UpdatedAt = now;
        setting.UpdatedBy = actor;
    }
}
