using BowInbox.Core.Intake;
using BowInbox.Core.Scanning;
using BowInbox.Web.Languages;
using BowInbox.Web.Relay;

namespace BowInbox.Tests.Relay;

/// <summary>Which texts-file notice a customer gets for each scanner outcome; English keeps the scanner's own line.</summary>
public sealed class CustomerScanNoticesTests
{
    [Theory]
    [InlineData(ScanVerdict.Redacted, "scanner line", "es", "Tu mensaje se envió sin los datos de contacto")]
    [InlineData(ScanVerdict.Blocked, "scanner line", "pt", "Sua mensagem não foi enviada")]
    [InlineData(ScanVerdict.Flagged, "scanner line", "es", "Tu mensaje se envió. Un recordatorio")]
    [InlineData(ScanVerdict.Redacted, RelayForwarder.WithheldNotice, "es", "Tu archivo no se envió: mostraba datos de contacto")]
    [InlineData(ScanVerdict.Clean, RelayForwarder.UnscannableBlockedNotice, "pt", "Seu arquivo não foi enviado")]
    [InlineData(ScanVerdict.Redacted, "scanner line", "en", "scanner line")]
    public void Each_outcome_is_told_in_the_customer_language(ScanVerdict verdict, string scannerNotice, string language, string expectedStart)
    {
        var scan = new ScanResult([], verdict, null, scannerNotice);

        Assert.StartsWith(expectedStart, CustomerScanNotices.For(CustomerTexts.BuiltIn, language, scan, scannerNotice));
    }

    [Fact]
    public void Nothing_to_tell_stays_nothing()
        => Assert.Null(CustomerScanNotices.For(CustomerTexts.BuiltIn, "es", new ScanResult([], ScanVerdict.Redacted, null, null), null));
}
