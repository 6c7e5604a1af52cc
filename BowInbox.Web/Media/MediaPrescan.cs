using BowInbox.Core.WhatsApp;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Media;

/// <summary>
/// Downloads and reads the files of messages about to be processed, outside the database's write lock, so the relay
/// finds each file's words in <see cref="MediaScanCache"/> when it decides what to pass on.
/// </summary>
public sealed class MediaPrescan(IServiceScopeFactory scopes, IMediaScanner scanner, MediaScanCache cache, ILogger<MediaPrescan> logger)
{
    public async Task ReadAsync(IEnumerable<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var media = messages.Where(m => m.Media is not null && OutboundPayloads.MediaTypes.Contains(m.Type)).Select(m => m.Media!)
            .Where(m => !cache.Contains(m.Id)).DistinctBy(m => m.Id).ToList();
        if (media.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IWhatsAppClient>();
        foreach (var file in media)
        {
            cache.Add(file.Id, await ReadOneAsync(client, file, cancellationToken));
        }
    }

    private async Task<MediaScan> ReadOneAsync(IWhatsAppClient client, InboundMedia file, CancellationToken cancellationToken)
    {
        var download = await client.DownloadMediaAsync(file.Id, cancellationToken);
        if (download.Content is not { } content)
        {
            logger.LogWarning("A received file could not be downloaded to be scanned ({Failure})", download.Failure?.Kind);
            return MediaScan.Failed("the file could not be downloaded to be checked", "download");
        }

        var scan = await scanner.ScanAsync(content.Bytes, file.MimeType ?? content.MimeType, cancellationToken);

        // How it went, never what it said: the words may be a phone number.
        logger.LogInformation("A received file was read by {Method}: {Outcome}", scan.Method, scan.Scanned ? $"{scan.Text!.Length} characters" : "unscannable");
        return scan;
    }
}
