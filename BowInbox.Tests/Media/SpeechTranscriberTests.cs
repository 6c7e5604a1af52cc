using System.Net;
using BowInbox.Web.Media;

namespace BowInbox.Tests.Media;

/// <summary>Voice notes and video through an OpenAI-compatible transcription endpoint (a fake one, served locally).</summary>
public sealed class SpeechTranscriberTests
{
    private static MediaScanner ScannerFor(FakeTranscriptionServer server, string? apiKey = "sk-test")
        => MediaFixtures.Scanner(MediaFixtures.Options(o =>
        {
            o.Speech.Endpoint = server.Endpoint;
            o.Speech.ApiKey = apiKey;
            o.Speech.Model = "whisper-large-v3";
        }));

    [Fact]
    public async Task A_voice_note_is_posted_as_a_multipart_form_and_its_text_is_read()
    {
        await using var server = new FakeTranscriptionServer { Transcript = "hola, llámame al 0160 9876543" };

        var read = await ScannerFor(server).ScanAsync([0x4F, 0x67, 0x67, 0x53, 1, 2], "audio/ogg; codecs=opus", TestContext.Current.CancellationToken);

        Assert.True(read.Scanned, read.Unscannable);
        Assert.Equal("speech", read.Method);
        Assert.Equal("hola, llámame al 0160 9876543", read.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=\"model\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("whisper-large-v3", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"file\"; filename=\"media.ogg\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("OggS", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_goes_to_the_same_endpoint_without_a_key_when_none_is_set()
    {
        await using var server = new FakeTranscriptionServer { Transcript = "the tap drips here" };

        var read = await ScannerFor(server, apiKey: null).ScanAsync([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70], "video/mp4", TestContext.Current.CancellationToken);

        Assert.Equal("the tap drips here", read.Text);
        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task A_failing_service_makes_the_file_unscannable()
    {
        await using var server = new FakeTranscriptionServer { Status = HttpStatusCode.InternalServerError };

        var read = await ScannerFor(server).ScanAsync([1, 2, 3], "audio/ogg", TestContext.Current.CancellationToken);

        Assert.False(read.Scanned);
        Assert.Contains("answered 500", read.Unscannable, StringComparison.Ordinal);
    }
}
