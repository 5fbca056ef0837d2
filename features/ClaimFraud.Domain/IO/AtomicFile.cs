namespace ClaimFraud.Domain.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never a half-written one:
/// the bytes go to a temporary file beside the target, which replaces the target only once complete.
/// </summary>
public sealed class AtomicFile : IDisposable, IAsyncDisposable
{
    private readonly string _target;
    private readonly string _temp;
    private bool _committed;

    public Stream Stream { get; }

    private AtomicFile(string target)
    {
        _target = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(dir);
        _temp = Path.Combine(dir, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.tmp");
        Stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    private static long _counter;

    public static AtomicFile Create(string path) => new(path);

    /// <summary>Flushes to disk and moves the finished file into place.</summary>
    public void Commit()
    {
        Stream.Flush();
        if (Stream is FileStream fs) fs.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await Stream.FlushAsync(ct);
        if (Stream is FileStream fs) fs.Flush(flushToDisk: true);
        await Stream.DisposeAsync();
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    public static void WriteAllText(string path, string contents)
    {
        using var f = Create(path);
        using (var w = new StreamWriter(f.Stream, new System.Text.UTF8Encoding(false), leaveOpen: true)) w.Write(contents);
        f.Commit();
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var f = Create(path);
        f.Stream.Write(bytes);
        f.Commit();
    }

    /// <summary>Without a commit, nothing reaches the target path.</summary>
    public void Dispose()
    {
        if (_committed) return;
        Stream.Dispose();
        try { File.Delete(_temp); } catch (IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed) return;
        await Stream.DisposeAsync();
        try { File.Delete(_temp); } catch (IOException) { }
    }
}
