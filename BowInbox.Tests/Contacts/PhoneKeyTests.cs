using BowInbox.Core.Numbers;

namespace BowInbox.Tests.Contacts;

/// <summary>One person, one key: the written forms of a number that WhatsApp and people use are folded together.</summary>
public class PhoneKeyTests
{
    [Theory]
    [InlineData("5511987654321", "551187654321")]
    [InlineData("5521998877665", "+55 (21) 9887-7665")]
    public void Brazilian_mobile_with_and_without_the_ninth_digit_is_one_key(string withNine, string withoutNine)
    {
        Assert.Equal(PhoneKey.Of(withNine), PhoneKey.Of(withoutNine));
        Assert.Equal(withNine, PhoneKey.Of(withoutNine));
    }

    [Fact]
    public void Brazilian_landline_keeps_its_eight_digits()
        => Assert.Equal("551132145678", PhoneKey.Of("+55 11 3214-5678"));

    [Fact]
    public void Mexican_mobile_with_and_without_the_one_is_one_key()
    {
        Assert.Equal(PhoneKey.Of("5215512345678"), PhoneKey.Of("+52 55 1234 5678"));
        Assert.Equal("525512345678", PhoneKey.Of("5215512345678"));
    }

    [Fact]
    public void Argentine_mobile_with_and_without_the_nine_is_one_key()
    {
        Assert.Equal(PhoneKey.Of("5491123456789"), PhoneKey.Of("+54 11 2345-6789"));
        Assert.Equal("5491123456789", PhoneKey.Of("541123456789"));
    }

    [Theory]
    [InlineData("+1 (555) 700-0001", "15557000001")]
    [InlineData("447700900123", "447700900123")]
    public void Other_numbers_are_their_digits(string written, string key)
        => Assert.Equal(key, PhoneKey.Of(written));

    [Fact]
    public void Bsuid_is_kept_as_sent_not_cut_to_digits()
    {
        Assert.Equal("MX.8817204519930047712", PhoneKey.Of(" mx.8817204519930047712 "));
        Assert.NotEqual(PhoneKey.Of("8817204519930047712"), PhoneKey.Of("MX.8817204519930047712"));
    }
}
