using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Serving.Http;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.Options;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Scoring;

/// <summary>
/// POST /predict/batch with NDJSON: at each read, the complete lines buffered so far are parsed and scored together on
/// every core (the history still sees them in input order, see <see cref="ClaimScoring.ScoreInOrder(IReadOnlyList{Claim})"/>) and their
/// score lines written in input order, flushed before the next read, so a long stream needs memory for what one read
/// holds and a caller that sends one line and waits gets its answer.
/// A line that cannot be scored gets, in its place, <c>{"line": n, "status": 400, "title": ..., "errors": {...}}</c>
/// and the stream goes on; the HTTP status is 200 because it is sent before the first line is read. Lines are numbered
/// as in the input file; blank lines count but produce no output. A line over Limits:MaxClaimBytes gets a 413 error line; the whole stream over
/// Limits:MaxStreamBytes ends with a 413 error line.
/// </summary>
internal sealed class NdjsonScores(ClaimScoring scoring, ClaimValidationOptions validation, LimitsOptions limits, bool useChat)
    : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/x-ndjson";

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var errorInfo = (JsonTypeInfo<NdjsonError>)json.GetTypeInfo(typeof(NdjsonError));
        RequestBody.LowerServerLimit(context, limits.MaxStreamBytes);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;

        var input = context.Request.BodyReader;
        var output = context.Response.BodyWriter;
        using var writer = new Utf8JsonWriter(output, ScoreWriter.Options);
        var chunk = new List<(ReadOnlySequence<byte> Content, long Number)>();
        long line = 0;
        bool skipping = false; // inside a line already reported as too long: drop bytes up to its newline
        bool chatPerLine = useChat && scoring.HasChat;
        try
        {
            while (true)
            {
                ReadResult read;
                try { read = await input.ReadAsync(ct); }
                catch (BadHttpRequestException e)
                {
                    Error(line + 1, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? 413 : 400,
                        e.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"The stream exceeds {limits.MaxStreamBytes} bytes; the rest was not read" : "The request body could not be read",
                        "$", "stream ended");
                    break;
                }
                // Every complete line buffered now is one chunk, scored together (in parallel) and answered in order.
                var buffer = read.Buffer;
                chunk.Clear();
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var content = buffer.Slice(0, newline);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    if (skipping) { skipping = false; continue; }
                    chunk.Add((content, ++line));
                }
                bool tooLong = !skipping && buffer.Length > limits.MaxClaimBytes;
                if (tooLong) skipping = true;
                long tooLongNumber = tooLong ? ++line : 0;
                if (skipping) buffer = buffer.Slice(buffer.End);
                if (read.IsCompleted && !skipping && !buffer.IsEmpty) chunk.Add((buffer, ++line));
                // The lines point into the input buffer: they are parsed before it is advanced past.
                if (chatPerLine) { foreach (var (content, number) in chunk) await ProcessWithChatAsync(content, number); }
                else ProcessChunk();
                if (tooLong) Error(tooLongNumber, 413, "Line too long", "$", $"is longer than {limits.MaxClaimBytes} bytes");
                if (read.IsCompleted)
                {
                    input.AdvanceTo(buffer.End);
                    break;
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                await output.FlushAsync(ct);
            }
            await output.FlushAsync(ct);
        }
        catch (Exception e) when (e is IOException || e is OperationCanceledException && ct.IsCancellationRequested)
        {
            // The caller went away; nobody is left to answer.
        }

        void ProcessChunk()
        {
            if (chunk.Count == 0) return;
            var parsed = new ClaimParseResult?[chunk.Count];
            if (chunk.Count < ClaimScoring.ParallelFrom)
            {
                for (int i = 0; i < chunk.Count; i++) parsed[i] = ParseLine(chunk[i].Content);
            }
            else Parallel.For(0, chunk.Count, ClaimScoring.Cores, i => parsed[i] = ParseLine(chunk[i].Content));

            var claims = new List<Claim>(chunk.Count);
            foreach (var p in parsed)
                if (p?.Claim is { } claim) claims.Add(claim);
            // Each score's JSON is written in the parallel scoring loop too; here it is only copied out in order.
            var scores = claims.Count > 0 ? scoring.ScoreInOrder(claims, ScoreWriter.ToUtf8Bytes) : [];
            int next = 0;
            for (int i = 0; i < chunk.Count; i++)
            {
                if (parsed[i] is not { } p) continue; // blank
                if (p.Claim is null) Write(new NdjsonError(chunk[i].Number, 400, "The claim is not valid", p.Errors.ToDictionary()), errorInfo);
                else if (scores is null) Error(chunk[i].Number, 503, "No model loaded", "$", "no model version could be loaded; see GET /ready");
                else
                {
                    output.Write(scores[next++]);
                    output.Write("\n"u8);
                }
            }
        }

        ClaimParseResult? ParseLine(ReadOnlySequence<byte> content) => IsBlank(content) ? null : Parse(content, validation);

        async ValueTask ProcessWithChatAsync(ReadOnlySequence<byte> content, long number)
        {
            if (IsBlank(content)) return;
            var parsed = Parse(content, validation);
            if (parsed.Claim is not { } claim)
            {
                Write(new NdjsonError(number, 400, "The claim is not valid", parsed.Errors.ToDictionary()), errorInfo);
                return;
            }
            var score = await scoring.ScoreAsync(claim, useChat: true, ct);
            if (score is null) Error(number, 503, "No model loaded", "$", "no model version could be loaded; see GET /ready");
            else WriteScore(score);
        }

        void Error(long number, int status, string title, string field, string message) =>
            Write(new NdjsonError(number, status, title, new Dictionary<string, string[]> { [field] = [message] }), errorInfo);

        void Write<T>(T value, JsonTypeInfo<T> info)
        {
            JsonSerializer.Serialize(writer, value, info);
            EndLine();
        }

        void WriteScore(ClaimScore score)
        {
            ScoreWriter.Write(writer, score);
            EndLine();
        }

        void EndLine()
        {
            writer.Flush();
            writer.Reset();
            output.Write("\n"u8);
        }
    }

    private static ClaimParseResult Parse(ReadOnlySequence<byte> content, ClaimValidationOptions validation)
    {
        if (content.IsSingleSegment) return TextGuard.ParseClaim(content.First, validation);
        int length = (int)content.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            content.CopyTo(rented);
            return TextGuard.ParseClaim(rented.AsMemory(0, length), validation);
        }
        finally { ArrayPool<byte>.Shared.Return(rented); }
    }

    /// <summary>Only spaces, tabs and a trailing '\r' (CRLF input).</summary>
    private static bool IsBlank(ReadOnlySequence<byte> content)
    {
        foreach (var segment in content)
            foreach (byte b in segment.Span)
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ClaimScore), [ContentType]));
}
