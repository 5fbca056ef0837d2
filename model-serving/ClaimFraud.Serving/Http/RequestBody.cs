using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ClaimFraud.Serving.Http;

internal enum BodyStatus { Ok, TooLarge, Unreadable }

/// <summary>A request body read whole into a pooled buffer; dispose to return the buffer.</summary>
internal struct PooledBody : IDisposable
{
    private byte[]? _buffer;

    public PooledBody(BodyStatus status, byte[]? buffer, int length, int failureStatus = 0)
    {
        Status = status;
        _buffer = buffer;
        Length = length;
        FailureStatus = failureStatus;
    }

    public BodyStatus Status { get; }

    public int Length { get; }

    /// <summary>For <see cref="BodyStatus.Unreadable"/>: the 4xx the server reported (e.g. 400 for broken chunking).</summary>
    public int FailureStatus { get; }

    public readonly ReadOnlyMemory<byte> Memory => _buffer is null ? default : _buffer.AsMemory(0, Length);

    public void Dispose()
    {
        if (_buffer is { } b) ArrayPool<byte>.Shared.Return(b);
        _buffer = null;
    }
}

/// <summary>A body read and parsed, or why it could not be read.</summary>
internal readonly record struct ParsedBody<T>(BodyStatus Status, int FailureStatus, T? Value);

internal enum BodyKind { Json, Ndjson, Unsupported }

/// <summary>Reading request bodies ourselves: a size limit per endpoint (413, never 500), pooled buffers, and content-type checks (415).</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads the body up to <paramref name="limit"/> bytes. A declared Content-Length over the limit is refused without
    /// reading; otherwise reading stops one byte past the limit. Kestrel's own per-request limit is lowered to the same
    /// value, and its 413 is mapped rather than surfacing as an exception.
    /// </summary>
    public static async ValueTask<PooledBody> ReadAsync(HttpContext context, int limit)
    {
        var request = context.Request;
        if (request.ContentLength is { } declared && declared > limit) return new PooledBody(BodyStatus.TooLarge, null, 0);
        LowerServerLimit(context, limit);

        int initial = request.ContentLength is { } n ? (int)n + 1 : Math.Min(limit + 1, 16 * 1024);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit) break;
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), context.RequestAborted);
                if (read == 0) break;
                length += read;
                if (length > limit) break;
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            int status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return status == StatusCodes.Status413PayloadTooLarge
                ? new PooledBody(BodyStatus.TooLarge, null, 0)
                : new PooledBody(BodyStatus.Unreadable, null, 0, status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest);
        }
        if (length > limit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return new PooledBody(BodyStatus.TooLarge, null, 0);
        }
        return new PooledBody(BodyStatus.Ok, buffer, length);
    }

    /// <summary>
    /// Reads the body (see <see cref="ReadAsync(HttpContext, int)"/>) and hands it to <paramref name="parse"/> while the
    /// pooled buffer is alive; the buffer goes back to the pool before this returns.
    /// </summary>
    public static async ValueTask<ParsedBody<T>> ReadAsync<TState, T>(HttpContext context, int limit, TState state, Func<ReadOnlyMemory<byte>, TState, T> parse)
    {
        var body = await ReadAsync(context, limit);
        try
        {
            return body.Status == BodyStatus.Ok
                ? new ParsedBody<T>(BodyStatus.Ok, 0, parse(body.Memory, state))
                : new ParsedBody<T>(body.Status, body.FailureStatus, default);
        }
        finally { body.Dispose(); }
    }

    /// <summary>Kestrel's limit for this request (the server-wide one is the largest any endpoint takes).</summary>
    public static void LowerServerLimit(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
    }

    /// <summary>JSON is application/json or any application/*+json; NDJSON is application/x-ndjson (or application/ndjson). Only UTF-8.</summary>
    public static BodyKind KindOf(string? contentType)
    {
        if (contentType is null) return BodyKind.Unsupported;
        // The common exact forms without parsing (the hot path); anything else goes through the header parser.
        if (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase))
            return BodyKind.Json;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type) return BodyKind.Unsupported;
        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                                   && !media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return BodyKind.Unsupported;
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            return BodyKind.Json;
        if (type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase) || type.Equals("application/ndjson", StringComparison.OrdinalIgnoreCase))
            return BodyKind.Ndjson;
        return BodyKind.Unsupported;
    }
}
