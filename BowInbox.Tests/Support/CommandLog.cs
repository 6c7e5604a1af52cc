using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BowInbox.Tests.Support;

/// <summary>Every command EF Core runs while it lives, grouped by database and by the context (and pooled lease) that ran it.</summary>
internal sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];

    public CommandLog() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public ConcurrentDictionary<(string DataSource, DbContextId Context), List<string>> ByContext { get; } = new();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData { Context: { } context } executed)
        {
            var list = ByContext.GetOrAdd((executed.Command.Connection?.DataSource ?? "", context.ContextId), _ => []);
            lock (list)
            {
                list.Add(executed.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
