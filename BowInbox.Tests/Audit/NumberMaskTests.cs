using BowInbox.Core.Audit;

namespace BowInbox.Tests.Audit;

public sealed class NumberMaskTests
{
    [Theory]
    [InlineData("call 0412 345 678 now", "call [number ••78] now")]
    [InlineData("+1 (555) 700-0101", "[number ••01]")]
    [InlineData("اتصل ٠٤١٢٣٤٥٦٧٨", "اتصل [number ••٧٨]")]
    [InlineData("call ۰۴۱۲۳۴۵۶۷۸", "call [number ••۷۸]")]
    [InlineData("call ０４１２ ３４５ ６７８", "call [number ••７８]")]
    [InlineData("फ़ोन ०४१२३४५६७८", "फ़ोन [number ••७८]")]
    public void Runs_of_seven_or_more_digits_of_any_script_are_masked(string text, string expected)
        => Assert.Equal(expected, NumberMask.Mask(text));

    [Fact]
    public void Email_addresses_are_masked_too()
        => Assert.Equal("write to r•••@mail.example or j•••@correo.es", NumberMask.Mask("write to rosa@mail.example or josé.núñez@correo.es"));

    [Theory]
    [InlineData("the fitting costs 45.50 and takes 2 hours")]
    [InlineData("door code 4821")]
    [InlineData("٤٥ minutes")]
    public void Short_numbers_stay(string text)
        => Assert.Equal(text, NumberMask.Mask(text));
}
