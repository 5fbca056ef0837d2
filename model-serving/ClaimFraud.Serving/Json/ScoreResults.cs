using System.Buffers;
using System.Reflection;
using ClaimFraud.Domain.Scores;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClaimFraud.Serving.Json;

/// <summary>
/// 200 with one score, written by <see cref="ScoreWriter"/> into a per-thread buffer and from there into the response
/// pipe in one piece, with its Content-Length (no chunking, no flush before the handler returns).
/// </summary>
internal sealed class ScoreResult(ClaimScore score) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/json; charset=utf-8";

    public ClaimScore Score { get; } = score;

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = ScoreWriter.Rent(buffer);
        try
        {
            ScoreWriter.Write(writer, Score);
            writer.Flush();
        }
        finally { ScoreWriter.Return(writer); }
        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        // A rare huge score (a claim with thousands of items) should not pin its buffer to the thread.
        if (buffer.Capacity > 256 * 1024) t_buffer = null;
        return Task.CompletedTask;
    }

    // Used synchronously within ExecuteAsync only, so one per thread is never shared.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ClaimScore), ["application/json"]));
}

/// <summary>200 with a JSON array of scores in order, each already written by <see cref="ScoreWriter.ToUtf8Bytes"/>; flushed every ~64 KB.</summary>
internal sealed class ScoresResult(IReadOnlyList<byte[]> scores) : IResult, IEndpointMetadataProvider
{
    private const int FlushBytes = 64 * 1024;

    /// <summary>The scores' JSON, in order.</summary>
    public IReadOnlyList<byte[]> Scores { get; } = scores;

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ScoreResult.ContentType;
        var output = response.BodyWriter;
        output.Write("["u8);
        for (int i = 0; i < Scores.Count; i++)
        {
            if (i > 0) output.Write(","u8);
            output.Write(Scores[i]);
            bool full = output.CanGetUnflushedBytes ? output.UnflushedBytes >= FlushBytes : i % 16 == 15;
            if (full) await output.FlushAsync(context.RequestAborted);
        }
        output.Write("]"u8);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(List<ClaimScore>), ["application/json"]));
}
