namespace Tongxin.Common.Data;

/// <summary>
/// Work a feature needs done each time the database is prepared (<see cref="DatabaseStartup"/>): after the
/// migrations, before the first administrator is created; once across servers (under the start-up lock), with an
/// unrestricted scope and no command timeout. A feature registers its tasks as <c>services.AddSingleton&lt;IStartupTask, …&gt;()</c>.
/// </summary>
public interface IStartupTask
{
    /// <summary>Tasks run in ascending order (derived data first, then the rows a new installation starts with).</summary>
    int Order { get; }

    Task RunAsync(TongxinDb db, ILogger log, CancellationToken ct);
}
