using ContactCenter.Infrastructure.Events;

namespace ContactCenter.Features.Console;

/// <summary>
/// A component's live feed: subscribes to <see cref="AppealEventBus"/> and calls back for every change that passes
/// the filter, until disposed. The callback runs on the bus reader's thread: components marshal with InvokeAsync.
/// </summary>
public sealed class LiveAppeals : IDisposable
{
    private readonly AppealEventBus.Subscription _subscription;
    private readonly CancellationTokenSource _stop = new();

    public LiveAppeals(AppealEventBus bus, Func<AppealChanged, bool> filter, Func<AppealChanged, Task> onChange)
    {
        _subscription = bus.Subscribe();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in _subscription.Reader.ReadAllAsync(_stop.Token))
                {
                    if (filter(change))
                        await onChange(change);
                }
            }
            catch (OperationCanceledException)
            {
                // disposed
            }
            catch (ObjectDisposedException)
            {
                // the circuit went away
            }
        });
    }

    public void Dispose()
    {
        _stop.Cancel();
        _subscription.Dispose();
        _stop.Dispose();
    }
}
