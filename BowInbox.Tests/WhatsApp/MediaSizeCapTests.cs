using System.Net;
using System.Text;
using BowInbox.Core.WhatsApp;
using BowInbox.Web.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Tests.WhatsApp;

public sealed class MediaSizeCapTests
{
    private const string Base = "https://graph.test/v25.0/";

    [Fact]
    public async Task Media_described_as_larger_than_the_cap_is_not_fetched()
    {
        var graph = new MediaServer(fileSize: WhatsAppLimits.MaxMediaBytes + 1, _ => new ByteArrayContent([1, 2, 3]));

        var download = await Client(graph).DownloadMediaAsync("m1", TestContext.Current.CancellationToken);

        Assert.Null(download.Content);
        Assert.Equal(SendErrorKind.Undeliverable, download.Failure!.Kind);
        Assert.Equal(0, graph.BodyRequests);
    }

    [Fact]
    public async Task Media_whose_response_announces_more_than_the_cap_is_refused_without_reading_it()
    {
        var endless = new EndlessContent(declaredLength: WhatsAppLimits.MaxMediaBytes + 1);
        var graph = new MediaServer(fileSize: null, _ => endless);

        var download = await Client(graph).DownloadMediaAsync("m2", TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Null(download.Content);
        Assert.Contains("larger than WhatsApp's 100 MB", download.Failure!.Title);
        Assert.True(endless.Sent < 1024 * 1024, $"{endless.Sent} bytes were read");
    }

    [Fact]
    public async Task Media_that_never_ends_is_read_only_up_to_the_cap()
    {
        var endless = new EndlessContent(declaredLength: null);
        var graph = new MediaServer(fileSize: null, _ => endless);

        var download = await Client(graph).DownloadMediaAsync("m3", TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Null(download.Content);
        Assert.Equal(SendErrorKind.Undeliverable, download.Failure!.Kind);
        Assert.InRange(endless.Sent, WhatsAppLimits.MaxMediaBytes, WhatsAppLimits.MaxMediaBytes + (1024 * 1024));
    }

    [Fact]
    public async Task Media_within_the_cap_arrives_whole()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var graph = new MediaServer(fileSize: bytes.Length, _ => new ByteArrayContent(bytes));

        var download = await Client(graph).DownloadMediaAsync("m4", TestContext.Current.CancellationToken);

        Assert.Null(download.Failure);
        Assert.Equal(bytes, download.Content!.Bytes);
        Assert.Equal("image/jpeg", download.Content.MimeType);
    }

    [Fact]
    public async Task Media_larger_than_the_cap_is_not_uploaded()
    {
        var graph = new MediaServer(fileSize: null, _ => new ByteArrayContent([]));

        var upload = await Client(graph).UploadMediaAsync("100000000000001", new MediaContent(new byte[WhatsAppLimits.MaxMediaBytes + 1], "application/pdf", "big.pdf"), TestContext.Current.CancellationToken);

        Assert.Null(upload.MediaId);
        Assert.Equal(SendErrorKind.Undeliverable, upload.Failure!.Kind);
        Assert.Equal(0, graph.Requests);
    }

    private static WhatsAppClient Client(HttpMessageHandler handler)
        => new(new HttpClient(handler) { BaseAddress = new Uri(Base) }, Options.Create(new WhatsAppOptions { AccessToken = "token" }));

    private sealed class MediaServer(long? fileSize, Func<string, HttpContent> body) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public int BodyRequests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var path = request.RequestUri!.AbsolutePath;
            if (path.Contains("/bytes/", StringComparison.Ordinal))
            {
                BodyRequests++;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = body(path) });
            }

            var size = fileSize is { } s ? $",\"file_size\":{s}" : "";
            var id = path[(path.LastIndexOf('/') + 1)..];
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"url":"https://cdn.test/bytes/{{id}}","mime_type":"image/jpeg"{{size}},"id":"{{id}}"}""", Encoding.UTF8, "application/json"),
            });
        }
    }

    /// <summary>A body that never ends, read through its stream; counts what was taken.</summary>
    private sealed class EndlessContent(long? declaredLength) : HttpContent
    {
        private long sent;

        public long Sent => Interlocked.Read(ref sent);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Endless(this));

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength ?? 0;
            return declaredLength is not null;
        }

        private sealed class Endless(EndlessContent owner) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Interlocked.Add(ref owner.sent, count);
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
