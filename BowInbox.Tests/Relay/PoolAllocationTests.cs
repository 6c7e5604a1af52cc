using BowInbox.Core.Relay;

namespace BowInbox.Tests.Relay;

public sealed class PoolAllocationTests
{
    private static readonly string[] Pool = ["11", "12", "13"];

    [Fact]
    public void A_provider_without_sessions_gets_the_first_pool_number()
        => Assert.Equal("11", PoolAllocation.FreeNumber(Pool, []));

    [Fact]
    public void A_provider_never_gets_a_second_session_on_a_number_while_another_is_free()
    {
        Assert.Equal("12", PoolAllocation.FreeNumber(Pool, ["11"]));
        Assert.Equal("13", PoolAllocation.FreeNumber(Pool, ["12", "11"]));
    }

    [Fact]
    public void When_every_number_is_in_use_there_is_no_free_number_and_the_least_loaded_is_chosen()
    {
        Assert.Null(PoolAllocation.FreeNumber(Pool, ["11", "12", "13"]));
        Assert.Equal("12", PoolAllocation.LeastLoadedNumber(Pool, ["11", "11", "12", "13", "13"]));
        Assert.Equal("11", PoolAllocation.LeastLoadedNumber(Pool, ["11", "12", "13"]));
    }

    [Fact]
    public void An_empty_pool_has_no_number()
    {
        Assert.Null(PoolAllocation.FreeNumber([], []));
        Assert.Null(PoolAllocation.LeastLoadedNumber([], []));
    }
}
