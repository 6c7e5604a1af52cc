using System.Text;
using BowInbox.Core.Routing;

namespace BowInbox.Tests.Routing;

/// <summary>Whatever a customer types, qualification reads it: a text that cannot be normalized must not stop intake.</summary>
public sealed class FoldedTextTests
{
    [Theory]
    [InlineData("There's a leak\uffff under my sink")]
    [InlineData("There's a leak \ufffe under my sink")]
    [InlineData("There's a leak \U0010FFFF under my sink")]
    [InlineData("There's a leak \U0001FFFE under my sink")]
    [InlineData("There's a leak \ufdd0 under my sink")]
    [InlineData("There's a leak \ud800 under my sink")]
    [InlineData("There's a leak \udc00\ud800 under my sink")]
    public void Noncharacters_and_lone_surrogates_read_as_spaces(string text)
    {
        var result = Qualifier.Qualify([text, "downtown"], null, QualificationRules.Default);

        Assert.Equal(("plumbing", "downtown"), (result.ServiceType, result.Area));
    }

    [Fact]
    public void No_code_point_or_lone_surrogate_makes_qualification_throw()
    {
        var text = new StringBuilder("tubería ");
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            // Every UTF-16 code unit alone (lone surrogates included), and every scalar above the BMP.
            text.Append(codePoint <= 0xFFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));
            if (text.Length >= 8192)
            {
                Assert.Equal("plumbing", Qualifier.Qualify([text.ToString()], null, QualificationRules.Default).ServiceType);
                text.Clear().Append("tubería ");
            }
        }

        Assert.Equal("plumbing", Qualifier.Qualify([text.ToString()], null, QualificationRules.Default).ServiceType);
    }
}
