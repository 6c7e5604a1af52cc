using BowInbox.Core.Audit;

namespace BowInbox.Tests.Privacy;

public sealed class StoredFindingTests
{
    [Theory]
    [InlineData("+61 412 345 678", "[number ••78]")]
    [InlineData("555-010-0001", "[number ••01]")]
    [InlineData("maria.lopez@gmail.com", "m•••@gmail.com")]
    [InlineData("Tom Plumbing +1 555-010-0001 tom.plumbing@example.com", "Tom Plumbing [number ••01] t•••@example.com")]
    [InlineData("@tomfixes", "@tomfixes")]
    [InlineData("pay me cash directly", "pay me cash directly")]
    public void Keeps_the_kind_of_detail_not_the_detail(string found, string stored)
        => Assert.Equal(stored, StoredFinding.Of(found));
}
