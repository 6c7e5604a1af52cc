using BowInbox.Core.Contacts;

namespace BowInbox.Tests.Contacts;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Maria Lopez", "Maria")]
    [InlineData("  José  Álvarez ", "José")]
    [InlineData("Zoë-Anne O'Neil", "Zoë-Anne")]
    [InlineData("मीरा शर्मा", "मीरा")]
    [InlineData("محمد", "محمد")]
    public void A_name_gives_its_first_word(string profileName, string expected)
        => Assert.Equal(expected, PersonName.FirstName(profileName));

    [Theory]
    [InlineData("0412345678")]
    [InlineData("Tom0412")]
    [InlineData("٠٤١٢٣٤٥٦٧٨ Tom")]
    [InlineData("０４１２ Tom")]
    [InlineData("tom@mail.example")]
    [InlineData("wa.me/15557000101")]
    [InlineData("+61 412 345 678")]
    [InlineData("   ")]
    [InlineData(null)]
    public void What_is_not_a_name_gives_nothing_so_the_alias_is_used(string? profileName)
        => Assert.Null(PersonName.FirstName(profileName));

    [Fact]
    public void A_contact_whose_profile_name_is_a_number_is_called_by_its_alias()
        => Assert.Equal("C-4F7K2", new Contact { Alias = "C-4F7K2", ProfileName = "0412 345 678" }.FirstName);
}
