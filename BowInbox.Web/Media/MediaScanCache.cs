using System.Collections.Concurrent;

namespace BowInbox.Web.Media;

/// <summary>
/// What each received file said, by media id, read before the inbound turn that relays it: reading a file takes
/// seconds and must not hold the database's write lock. Kept in memory for an hour (a message held for "which job"
/// and relayed later is read again then, or counts as unscannable).
/// </summary>
public sealed class MediaScanCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (MediaScan Scan, DateTimeOffset At)> scans = new(StringComparer.Ordinal);

    public bool Contains(string mediaId) => scans.TryGetValue(mediaId, out var entry) && time.GetUtcNow() - entry.At < Lifetime;

    public MediaScan? Find(string mediaId) => scans.TryGetValue(mediaId, out var entry) && time.GetUtcNow() - entry.At < Lifetime ? entry.Scan : null;

    public void Add(string mediaId, MediaScan scan)
    {
        var now = time.GetUtcNow();
        scans[mediaId] = (scan, now);
        if (scans.Count > 1000)
        {
            foreach (var old in scans.Where(s => now - s.Value.At >= Lifetime).Select(s => s.Key).ToList())
            {
                scans.TryRemove(old, out _);
            }
        }
    }
}
