using BowInbox.Data;

namespace BowInbox.Tests.Foundation;

public sealed class DatabaseWriteGateTests
{
    [Fact]
    public async Task Writers_take_turns_in_order_and_urgent_ones_go_before_waiting_background_ones()
    {
        var gate = new DatabaseWriteGate(serialize: true);
        var order = new List<string>();
        var first = await gate.EnterAsync(CancellationToken.None);

        var background1 = TakeTurnAsync(gate, urgent: false, "background 1", order);
        var background2 = TakeTurnAsync(gate, urgent: false, "background 2", order);
        var urgent = TakeTurnAsync(gate, urgent: true, "urgent", order);
        await Task.Delay(50);
        Assert.Empty(order);

        first.Dispose();
        await Task.WhenAll(background1, background2, urgent);

        Assert.Equal(["urgent", "background 1", "background 2"], order);
    }

    [Fact]
    public async Task A_waiter_cancelled_before_its_turn_does_not_keep_the_turn_from_the_next()
    {
        var gate = new DatabaseWriteGate(serialize: true);
        var first = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var cancelled = gate.EnterAsync(cancel.Token).AsTask();
        var next = gate.EnterAsync(CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        first.Dispose();
        using var turn = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.EnterAsync(CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task A_gate_that_does_not_serialize_never_makes_anyone_wait()
    {
        var gate = new DatabaseWriteGate(serialize: false);
        using var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterUrgentAsync(CancellationToken.None);

        Assert.True(second.IsCompleted);
    }

    private static async Task TakeTurnAsync(DatabaseWriteGate gate, bool urgent, string name, List<string> order)
    {
        using (urgent ? await gate.EnterUrgentAsync(CancellationToken.None) : await gate.EnterAsync(CancellationToken.None))
        {
            lock (order)
            {
                order.Add(name);
            }

            await Task.Yield();
        }
    }
}
