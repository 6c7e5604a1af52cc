using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// The phrases that ask to leave the platform, ask for the other side's contact, or arrange payment outside it,
/// per language. They live in data files (<c>Scanning/Lexicon/*.txt</c>, shipped inside the assembly), and a
/// marketplace adds its own in one more file of the same format (<c>Scanning:KeywordsFile</c>):
/// <c>Kind&lt;TAB&gt;regular expression</c>, <c>Define&lt;TAB&gt;name&lt;TAB&gt;expression</c> for a <c>{name}</c>
/// used in later lines, <c>Unless&lt;TAB&gt;expression</c> for what, right after a match, makes it innocent ("your
/// number" followed by "of the order"), <c>Notice&lt;TAB&gt;text</c> for what a blocked sender is told,
/// <c>Words&lt;TAB&gt;the little words of the language</c> to tell which language a message is in, and
/// <c>Language&lt;TAB&gt;code</c> to say which language the lines that follow are in. Expressions run on the
/// non-backtracking engine (no lookarounds or back-references), so no message can make the scanner hang.
/// </summary>
public sealed partial class IntentLexicon
{
    public const string DefaultLanguage = "en";
    private static readonly string[] BuiltIn = ["en", "es", "pt", "fr", "de", "hi"];
    private static readonly ViolationKind[] IntentKinds = [ViolationKind.OffPlatformInvite, ViolationKind.ContactRequest, ViolationKind.PaymentOutside];

    private readonly List<(string Language, ViolationKind Kind, Regex Regex, Regex? Unless)> patterns;
    private readonly Dictionary<string, string> notices;
    private readonly Dictionary<string, HashSet<string>> words;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private IntentLexicon(List<(string Language, ViolationKind Kind, Regex Regex, Regex? Unless)> patterns, Dictionary<string, string> notices, Dictionary<string, HashSet<string>> words)
    {
        this.patterns = patterns;
        this.notices = notices;
        this.words = words;
    }

    /// <summary>The built-in lists alone.</summary>
    public static IntentLexicon Default { get; } = Load(null);

    public static bool IsIntent(ViolationKind kind) => IntentKinds.Contains(kind);

    /// <summary>The built-in lists and, when <paramref name="extraFile"/> is given, the marketplace's own.</summary>
    /// <exception cref="InvalidDataException">A line of a file is not understood; the message says which.</exception>
    public static IntentLexicon Load(string? extraFile)
    {
        var sources = new List<(string Name, string Language, string Text)> { ("common.txt", DefaultLanguage, ReadResource("common")) };
        sources.AddRange(BuiltIn.Select(language => ($"{language}.txt", language, ReadResource(language))));
        if (!string.IsNullOrWhiteSpace(extraFile))
        {
            if (!File.Exists(extraFile))
            {
                throw new InvalidDataException($"The scanner's keywords file '{extraFile}' (Scanning:KeywordsFile) does not exist.");
            }

            sources.Add((Path.GetFileName(extraFile), DefaultLanguage, File.ReadAllText(extraFile)));
        }

        return Parse(sources);
    }

    /// <summary>Reads lexicon files in order: a later file may use what an earlier one defined.</summary>
    public static IntentLexicon Parse(IEnumerable<(string Name, string Language, string Text)> sources)
    {
        var defines = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, Dictionary<ViolationKind, List<string>>>(StringComparer.Ordinal);
        var notices = new Dictionary<string, string>(StringComparer.Ordinal);
        var unless = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var words = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, startLanguage, text) in sources)
        {
            var language = startLanguage;
            var number = 0;
            foreach (var raw in text.Split('\n'))
            {
                number++;
                var line = raw.TrimEnd('\r');
                if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                {
                    continue;
                }

                var fields = line.Split('\t');
                string Where() => string.Create(CultureInfo.InvariantCulture, $"{name} line {number}");
                switch (fields[0])
                {
                    case "Language" when fields.Length == 2 && fields[1].Trim().Length > 0:
                        language = fields[1].Trim().ToLowerInvariant();
                        break;
                    case "Define" when fields.Length == 3 && DefineName().IsMatch(fields[1]):
                        defines[fields[1]] = Expand(fields[2], defines, Where);
                        break;
                    case "Unless" when fields.Length == 2:
                        var exception = Expand(fields[1], defines, Where);
                        Check(exception, Where, RegexOptions.None);
                        (unless.TryGetValue(language, out var u) ? u : unless[language] = []).Add(exception);
                        break;
                    case "Words" when fields.Length == 2:
                        var set = words.TryGetValue(language, out var w) ? w : words[language] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        set.UnionWith(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case "Notice" when fields.Length == 2 && fields[1].Trim().Length > 0:
                        notices[language] = fields[1].Trim();
                        break;
                    default:
                        if (fields.Length != 2 || !Enum.TryParse<ViolationKind>(fields[0], out var kind) || !IsIntent(kind))
                        {
                            throw new InvalidDataException($"{Where()}: expected 'Kind<TAB>expression' with Kind one of {string.Join(", ", IntentKinds)}, or a Define, Notice or Language line.");
                        }

                        var expression = Expand(fields[1], defines, Where);
                        Check(expression, Where, RegexOptions.NonBacktracking);
                        var byKind = lines.TryGetValue(language, out var k) ? k : lines[language] = [];
                        (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(expression);
                        break;
                }
            }
        }

        var patterns = new List<(string, ViolationKind, Regex, Regex?)>();
        foreach (var (language, byKind) in lines)
        {
            var exceptions = unless.TryGetValue(language, out var u) ? CompileUnless(u) : null;
            foreach (var (kind, expressions) in byKind)
            {
                patterns.AddRange(Compile(expressions).Select(regex => (language, kind, regex, exceptions)));
            }
        }

        return new IntentLexicon(patterns, notices, words);
    }

    /// <summary>What a blocked sender is told, in their language when the lexicon has it.</summary>
    public string Notice(string? language) =>
        language is not null && notices.TryGetValue(language, out var notice) ? notice : notices.GetValueOrDefault(DefaultLanguage, "Your message was not sent.");

    /// <summary>
    /// The language of <paramref name="text"/> by its little words ("o", "meu", "é"), or else the language of the
    /// phrase that matched: a payment app's name alone says nothing of the language.
    /// </summary>
    public string? LanguageOf(string text, string? matched)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in WordPattern().EnumerateMatches(text))
        {
            var word = text.Substring(token.Index, token.Length);
            foreach (var (language, set) in words)
            {
                if (set.Contains(word))
                {
                    scores[language] = scores.GetValueOrDefault(language) + 1;
                }
            }
        }

        if (scores.Count == 0)
        {
            return matched;
        }

        var best = scores.Values.Max();
        return matched is not null && scores.GetValueOrDefault(matched) == best ? matched : scores.First(s => s.Value == best).Key;
    }

    internal void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        foreach (var (language, kind, regex, unless) in patterns)
        {
            foreach (Match m in regex.Matches(text))
            {
                if ((unless is not null && IsExcused(unless, text, m.Index + m.Length)) || (kind == ViolationKind.PaymentOutside && IbanChecksum.IsFalseIban(m.ValueSpan)))
                {
                    continue;
                }

                var (start, length) = input.ToOriginal(m.Index, m.Index + m.Length);
                findings.Add(new Finding(kind, input.Original.Substring(start, length), start, length, policy.ActionFor(kind)) { Language = language });
            }
        }
    }

    /// <summary>
    /// One regular expression for the lines, or several when together they would make the non-backtracking
    /// engine's automaton too large.
    /// </summary>
    private static IEnumerable<Regex> Compile(List<string> expressions)
    {
        var pattern = @"\b(?:(?:" + string.Join(")|(?:", expressions) + @"))\b";
        Regex? regex = null;
        try
        {
            regex = new Regex(pattern, Options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException) when (expressions.Count > 1)
        {
        }

        if (regex is not null)
        {
            return [regex];
        }

        var half = expressions.Count / 2;
        return Compile(expressions[..half]).Concat(Compile(expressions[half..])).ToList();
    }

    /// <summary>
    /// Whether what follows a match makes it innocent. The exceptions run on the backtracking engine with a time limit;
    /// on a machine too busy to finish in time the match stands (a notice too many rather than a leak let through), and
    /// the scan never fails.
    /// </summary>
    private static bool IsExcused(Regex unless, string text, int at)
    {
        try
        {
            return unless.IsMatch(text, at);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex CompileUnless(List<string> expressions) =>
        new(@"\G(?:(?:" + string.Join(")|(?:", expressions) + "))", Options, TimeSpan.FromMilliseconds(200));

    private static string Expand(string expression, Dictionary<string, string> defines, Func<string> where) =>
        Macro().Replace(expression, m => defines.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidDataException($"{where()}: {{{m.Groups[1].Value}}} is not defined."));

    private static void Check(string expression, Func<string> where, RegexOptions engine)
    {
        try
        {
            _ = new Regex(expression, Options | engine);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{where()}: not a valid expression ({e.Message}).", e);
        }
    }

    private static string ReadResource(string language)
    {
        using var stream = typeof(IntentLexicon).Assembly.GetManifestResourceStream($"BowInbox.Scanning.Lexicon.{language}.txt")
            ?? throw new InvalidOperationException($"The scanner's {language} lexicon is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\{([a-z][a-z0-9]*)\}")]
    private static partial Regex Macro();

    [GeneratedRegex(@"^[a-z][a-z0-9]*$")]
    private static partial Regex DefineName();
}
