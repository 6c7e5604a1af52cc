namespace BowInbox.Data;

/// <summary>Hears how long writers waited for their turn at the <see cref="DatabaseWriteGate"/> and how long they held it.</summary>
public interface IWriteGateObserver
{
    void Waited(TimeSpan waited, bool urgent);

    void Held(TimeSpan held);
}
