using System.Text;

namespace BowInbox.Tests.WhatsApp;

/// <summary>The WhatsApp fixtures copied next to the test assembly, read exactly as committed.</summary>
internal static class Fixtures
{
    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "whatsapp");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(FixtureDirectory, name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    /// <summary>File names of the fixtures starting with <paramref name="prefix"/>, for theories over all of them.</summary>
    public static TheoryData<string> Named(string prefix)
        => [.. Directory.EnumerateFiles(FixtureDirectory, prefix + "*.json").Select(Path.GetFileName).OfType<string>().Order()];
}
