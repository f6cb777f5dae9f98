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

    public LiveAppeals(AppealEventBus bus, ILogger logger, Func<AppealChanged, bool> filter, Func<AppealChanged, Task> onChange)
    {
        _subscription = bus.Subscribe();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in _subscription.Reader.ReadAllAsync(_stop.Token))
                {
                    if (!filter(change))
                        continue;
                    // A refresh can meet a transient failure (SQLite busy while another screen writes): try again
                    // shortly; one failed event must never end the feed.
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await onChange(change);
                            break;
                        }
                        catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException) && attempt < 3)
                        {
                            logger.LogWarning(e, "Live refresh for {Action} on {Number} failed (attempt {Attempt})", change.Action, change.RegistrationNumber, attempt);
                            await Task.Delay(250 * attempt, _stop.Token);
                        }
                        catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException))
                        {
                            logger.LogError(e, "Live refresh for {Action} on {Number} failed", change.Action, change.RegistrationNumber);
                            break;
                        }
                    }
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
