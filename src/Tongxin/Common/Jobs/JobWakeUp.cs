namespace Tongxin.Common.Jobs;

/// <summary>A wake-up for a job runner of this process, so a new job starts now instead of at the next poll.</summary>
public class JobWakeUp
{
    private readonly SemaphoreSlim _wake = new(0);

    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await _wake.WaitAsync(timeout, ct); }
        catch (OperationCanceledException) { }
    }
}
