using System.Buffers;
using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;

namespace ClaimFraud.Synthetic.Output;

/// <summary>
/// A batch of claims serialised as JSON Lines (the contract's claim format, <see cref="ClaimJson.Write"/>) into a
/// pooled buffer. Batches serialise in parallel and are written in order, so the bytes do not depend on timing.
/// (<see cref="ClaimJsonlWriter"/> flushes its stream after every line: a system call per claim.)
/// </summary>
internal sealed class JsonlBatch : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _index;

    private JsonlBatch(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public int Claims { get; private set; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _index);

    public static JsonlBatch Serialize(LabeledClaim[] claims, int count)
    {
        var batch = new JsonlBatch(count * 2048);
        using var json = new Utf8JsonWriter(batch, ClaimJson.WriterOptions);
        for (int i = 0; i < count; i++)
        {
            ClaimJson.Write(json, claims[i].Claim, claims[i].Label);
            json.Flush();
            json.Reset(batch);
            batch.GetSpan(1)[0] = (byte)'\n';
            batch.Advance(1);
        }
        batch.Claims = count;
        return batch;
    }

    /// <summary>Gives the buffer back to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        var buffer = _buffer;
        _buffer = [];
        _index = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    public void Advance(int count) => _index += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_index);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_index);
    }

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 256);
        if (_buffer.Length - _index >= needed) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _index + needed));
        _buffer.AsSpan(0, _index).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
