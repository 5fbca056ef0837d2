using System.Text.Json;
using ClaimFraud.Domain.IO;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Features.History;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>A bad input line: which one and what is wrong with it.</summary>
public sealed class BadClaimLineException(string path, long line, ValidationErrors errors)
    : IOException($"{path}:{line}: {errors}")
{
    public long LineNumber { get; } = line;
    public ValidationErrors Errors { get; } = errors;
}

/// <summary>
/// Offline batch scoring (contract §5 <c>score</c>): one §2 score per input line, same order, streaming. Claims go
/// through the same history as in serving (query as of admission, score, record), so a file scores exactly as the
/// same claims sent to /predict one after another would. The output appears only when every line scored.
/// </summary>
public static class JsonlScoring
{
    public static long ScoreFile(string inputPath, string outputPath, ClaimScorer scorer, IClaimHistory history,
        ClaimValidationOptions? validation = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        using var output = AtomicFile.Create(outputPath);
        long n = 0;
        using (var writer = new Utf8JsonWriter(output.Stream, new JsonWriterOptions { Encoder = ScoreJson.Options.Encoder }))
        {
            foreach (var line in ClaimJsonl.ReadFile(inputPath, validation))
            {
                if (line.Result.Claim is not { } claim) throw new BadClaimLineException(inputPath, line.LineNumber, line.Result.Errors);
                var scored = scorer.ScoreAndRecord(claim, history);
                JsonSerializer.Serialize(writer, scored.Score, ScoreJson.Options);
                writer.Flush();
                writer.Reset();
                output.Stream.WriteByte((byte)'\n');
                if (++n % 5_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(n);
                }
            }
        }
        progress?.Report(n);
        output.Commit();
        return n;
    }
}
