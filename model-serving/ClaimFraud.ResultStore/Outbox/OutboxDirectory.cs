using System.Globalization;
using System.Text.Json;
using ClaimFraud.Domain.IO;
using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.Outbox;

/// <summary>
/// The outbox on disk: one file per write named by a 20-digit sequence number, written whole and fsync'd before it is
/// renamed into place (<see cref="AtomicFile"/>), deleted once delivered. Files that cannot be delivered move to
/// <c>rejected/</c> with a <c>.reason.txt</c> beside them. A <c>.lock</c> file keeps a second process out.
/// </summary>
internal sealed class OutboxDirectory : IDisposable
{
    private const string Extension = ".json";
    private readonly string _root;
    private readonly string _rejected;
    private readonly FileStream _lock;
    private readonly object _sync = new();
    private readonly SortedDictionary<long, OutboxEntry> _pending = [];
    private long _nextSeq;
    private int _rejectedCount;

    public OutboxDirectory(string path)
    {
        _root = Path.GetFullPath(path);
        _rejected = Path.Combine(_root, "rejected");
        Directory.CreateDirectory(_rejected);
        try
        {
            _lock = new FileStream(Path.Combine(_root, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The outbox directory {_root} is in use by another process (one outbox per process)", e);
        }

        try { Load(); }
        catch { _lock.Dispose(); throw; }
    }

    public string Root => _root;

    /// <summary>Files set aside at load (unreadable) are counted here too.</summary>
    public int RejectedCount => Volatile.Read(ref _rejectedCount);

    private void Load()
    {
        // A crash between AtomicFile's create and rename leaves a temp file; its write never completed, so it was never acknowledged.
        foreach (var tmp in Directory.EnumerateFiles(_root, ".*.tmp")) File.Delete(tmp);

        long maxSeq = 0;
        foreach (var file in Directory.EnumerateFiles(_rejected, "*" + Extension))
        {
            _rejectedCount++;
            if (TryParseSeq(file, out long s)) maxSeq = Math.Max(maxSeq, s);
        }
        foreach (var file in Directory.EnumerateFiles(_root, "*" + Extension).Order(StringComparer.Ordinal))
        {
            if (!TryParseSeq(file, out long seq))
            {
                SetAside(file, "the file name is not a 20-digit sequence number");
                continue;
            }
            maxSeq = Math.Max(maxSeq, seq);
            OutboxEntry entry;
            try { entry = StoreJson.Deserialize<OutboxEntry>(File.ReadAllBytes(file)); }
            catch (JsonException e)
            {
                SetAside(file, $"not a readable outbox entry: {e.Message}");
                continue;
            }
            if ((entry.Seq != seq ? "the sequence number inside differs from the file name" : entry.Problem()) is { } problem)
            {
                SetAside(file, problem);
                continue;
            }
            _pending.Add(seq, entry);
        }
        _nextSeq = maxSeq + 1;
    }

    public OutboxEntry Append(string claimId, DateTimeOffset now, ClaimScore? score, Decision? decision)
    {
        lock (_sync)
        {
            var entry = new OutboxEntry
            {
                Seq = _nextSeq++,
                Kind = score is not null ? OutboxEntry.ResultKind : OutboxEntry.DecisionKind,
                ClaimId = claimId,
                EnqueuedAt = now,
                Score = score,
                Decision = decision,
            };
            AtomicFile.WriteAllBytes(PathFor(entry.Seq), StoreJson.Serialize(entry));
            _pending.Add(entry.Seq, entry);
            return entry;
        }
    }

    public IReadOnlyList<OutboxEntry> Snapshot()
    {
        lock (_sync) return [.. _pending.Values];
    }

    public bool HasPending(string claimId)
    {
        lock (_sync) return _pending.Values.Any(e => e.ClaimId == claimId);
    }

    /// <summary>The newest queued result for the claim (by result version, not arrival), or null.</summary>
    public StoredResult? LatestResult(string claimId)
    {
        lock (_sync)
            return _pending.Values
                .Where(e => e.ClaimId == claimId && e.Score is not null)
                .Select(e => new StoredResult(e.Score!))
                .MaxBy(r => r.Version);
    }

    public List<Decision> Decisions(string claimId)
    {
        lock (_sync)
            return [.. _pending.Values.Where(e => e.ClaimId == claimId && e.Decision is not null).Select(e => e.Decision!)];
    }

    public (int Count, DateTimeOffset? OldestEnqueuedAt) Counts()
    {
        lock (_sync)
            return (_pending.Count, _pending.Count == 0 ? null : _pending.Values.Min(e => e.EnqueuedAt));
    }

    /// <summary>Delivered: the file goes. Should the delete be lost in a crash, redelivery is a no-op for the store.</summary>
    public void Remove(long seq)
    {
        lock (_sync)
        {
            File.Delete(PathFor(seq));
            _pending.Remove(seq);
        }
    }

    public void Reject(long seq, string reason)
    {
        lock (_sync)
        {
            SetAside(PathFor(seq), reason);
            _pending.Remove(seq);
        }
    }

    private void SetAside(string file, string reason)
    {
        string target = Path.Combine(_rejected, Path.GetFileName(file));
        for (int n = 1; File.Exists(target); n++)
            target = Path.Combine(_rejected, $"{Path.GetFileNameWithoutExtension(file)}.{n}{Path.GetExtension(file)}");
        File.Move(file, target);
        AtomicFile.WriteAllText(target + ".reason.txt", reason + Environment.NewLine);
        Interlocked.Increment(ref _rejectedCount);
    }

    private string PathFor(long seq) => Path.Combine(_root, seq.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    private static bool TryParseSeq(string file, out long seq)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        seq = 0;
        return name.Length == 20 && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out seq);
    }

    public void Dispose() => _lock.Dispose();
}
