namespace BowInbox.Web.Simulator;

/// <summary>One message on a simulated phone: written by the person playing it, or sent to it by the app.</summary>
public sealed record SimulatedMessage(
    string Phone,
    string OurPhoneNumberId,
    bool FromPhone,
    string Text,
    DateTime At,
    string Wamid);

/// <summary>
/// The phones of the Development simulator and everything they sent and received. In memory on
/// purpose: it plays the outside world, which the app must not depend on remembering.
/// </summary>
public sealed class SimulatorPhones
{
    private const int MaxMessages = 2000;
    private readonly List<SimulatedMessage> messages = [];
    private readonly Dictionary<string, string> names = [];
    private readonly Lock gate = new();

    public event Action? Changed;

    public IReadOnlyList<SimulatedMessage> All()
    {
        lock (gate)
        {
            return [.. messages];
        }
    }

    public IReadOnlyList<SimulatedMessage> For(string phone)
    {
        lock (gate)
        {
            return messages.Where(m => m.Phone == phone).ToList();
        }
    }

    public IReadOnlyDictionary<string, string> KnownPhones()
    {
        lock (gate)
        {
            return new Dictionary<string, string>(names);
        }
    }

    public void Remember(string phone, string profileName)
    {
        lock (gate)
        {
            names[phone] = profileName;
        }

        Changed?.Invoke();
    }

    public void Add(SimulatedMessage message)
    {
        lock (gate)
        {
            messages.Add(message);
            names.TryAdd(message.Phone, message.Phone);
            if (messages.Count > MaxMessages)
            {
                messages.RemoveRange(0, messages.Count - MaxMessages);
            }
        }

        Changed?.Invoke();
    }
}
