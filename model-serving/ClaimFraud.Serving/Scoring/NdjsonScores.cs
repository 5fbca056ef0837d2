using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
/// POST /predict/batch with NDJSON: scores each line as it arrives and writes the score line at once, in input order,
/// flushing whenever the input has no more complete lines buffered, so a long stream needs memory for one line only.
/// A line that cannot be scored gets, in its place, <c>{"line": n, "status": 400, "title": ..., "errors": {...}}</c>
/// and the stream goes on; the HTTP status is 200 because it is sent before the first line is read. Lines are numbered
/// as in the input file; blank lines count but produce no output. A line over Limits:MaxClaimBytes gets a 413 error line; the whole stream over
/// Limits:MaxStreamBytes ends with a 413 error line.
/// </summary>
internal sealed class NdjsonScores(ClaimScoring scoring, ClaimValidationOptions validation, LimitsOptions limits, bool useChat)
    : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var scoreInfo = (JsonTypeInfo<ClaimScore>)json.GetTypeInfo(typeof(ClaimScore));
        var errorInfo = (JsonTypeInfo<NdjsonError>)json.GetTypeInfo(typeof(NdjsonError));
        RequestBody.LowerServerLimit(context, limits.MaxStreamBytes);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;

        var input = context.Request.BodyReader;
        var output = context.Response.BodyWriter;
        using var writer = new Utf8JsonWriter(output, Writer);
        long line = 0;
        bool skipping = false; // inside a line already reported as too long: drop bytes up to its newline
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
                var buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var content = buffer.Slice(0, newline);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    if (skipping) { skipping = false; continue; }
                    await ProcessAsync(content, ++line);
                }
                if (!skipping && buffer.Length > limits.MaxClaimBytes)
                {
                    Error(++line, 413, "Line too long", "$", $"is longer than {limits.MaxClaimBytes} bytes");
                    skipping = true;
                }
                if (skipping) buffer = buffer.Slice(buffer.End);
                if (read.IsCompleted)
                {
                    if (!skipping && !buffer.IsEmpty) await ProcessAsync(buffer, ++line);
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

        async ValueTask ProcessAsync(ReadOnlySequence<byte> content, long number)
        {
            if (IsBlank(content)) return;
            var parsed = Parse(content, validation);
            if (parsed.Claim is not { } claim)
            {
                Write(new NdjsonError(number, 400, "The claim is not valid", parsed.Errors.ToDictionary()), errorInfo);
                return;
            }
            var score = useChat ? await scoring.ScoreAsync(claim, useChat: true, ct) : scoring.Score(claim);
            if (score is null) Error(number, 503, "No model loaded", "$", "no model version could be loaded; see GET /ready");
            else Write(score, scoreInfo);
        }

        void Error(long number, int status, string title, string field, string message) =>
            Write(new NdjsonError(number, status, title, new Dictionary<string, string[]> { [field] = [message] }), errorInfo);

        void Write<T>(T value, JsonTypeInfo<T> info)
        {
            JsonSerializer.Serialize(writer, value, info);
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
