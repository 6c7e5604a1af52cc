using System.Text;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Privacy;

/// <summary>The SQLite database file and its write-ahead log as bytes, as whoever copies them would read them.</summary>
internal static class DatabaseFiles
{
    public static List<(string Name, byte[] Bytes)> Of(InboxAppFactory app)
        => Directory.GetFiles(app.Folder)
            .Where(f => Path.GetFileName(f).StartsWith(Path.GetFileName(app.DatabaseFile), StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), ReadShared(f)))
            .ToList();

    public static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>None of <paramref name="numbers"/> in any file, in UTF-8 or UTF-16.</summary>
    public static void AssertNone(List<(string Name, byte[] Bytes)> files, IEnumerable<string> numbers)
    {
        foreach (var (name, bytes) in files)
        {
            foreach (var number in numbers)
            {
                Assert.False(Contains(bytes, number), $"{name} holds \"{number}\" (UTF-8)");
                Assert.False(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(number)) >= 0, $"{name} holds \"{number}\" (UTF-16)");
            }
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
