using System.Text;
using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>
/// A JSON-array batch is streamed claim by claim; it must answer exactly as reading the whole body into a document did:
/// the same claims, the same errors in the same order, the same precedence between bad JSON, a non-array, too many
/// claims, undecodable text and bad fields.
/// </summary>
public sealed class StreamingBatchTests
{
    private static readonly ClaimValidationOptions Validation = new() { Clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7))) };

    [Fact]
    public void FuzzedBatchesGetTheAnswersADocumentOfTheWholeBodyGave()
    {
        var fuzzer = new BodyFuzzer(20261122, TestClaims.CombinedFraudLine, TestClaims.Ordinary("CLM-S-1").ToJsonString(), TestClaims.CombinedFraudJson);
        var random = new Random(20261122);
        var mismatches = new List<string>();
        var outcomes = new HashSet<string>();

        for (int i = 0; i < 1_500; i++)
        {
            // Now and then a property name holding an escaped lone surrogate: the document reader throws on it while
            // looking names up, which loses the whole batch.
            var parts = Enumerable.Range(0, random.Next(0, 5))
                .Select(_ => random.Next(20) == 0 ? Encoding.UTF8.GetBytes(TestClaims.CombinedFraudLine.Replace("\"doctor_id\"", "\"doctor\\ud800\"")) : fuzzer.Next().Bytes)
                .ToList();
            var body = Frame(random, parts);
            int maxClaims = random.Next(4) == 0 ? random.Next(0, 4) : 10;

            string expected = Describe(() => DocumentBatch.Parse(body, (Validation, maxClaims)));
            string actual = Describe(() => RequestBodies.ParseBatch(body, (Validation, maxClaims)));
            if (expected != actual) mismatches.Add($"#{i} {Encoding.UTF8.GetString(body)}\nexpected {expected}\nactual   {actual}");
            outcomes.Add(KindOf(expected));
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches; first:\n{string.Join("\n\n", mismatches.Take(3))}");
        // The bodies reached every kind of answer: scored claims, bad JSON, a non-array, too many claims, undecodable text, bad fields.
        Assert.Contains("claims", outcomes);
        Assert.Contains(outcomes, o => o.StartsWith("errors=$: is not valid JSON", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("errors=$: must be a JSON array", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("errors=$: has ", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("errors=$: holds a string", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("errors=[", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[")]
    [InlineData("[]")]
    [InlineData("[] x")]
    [InlineData("[]]")]
    [InlineData("[1,]")]
    [InlineData("{}")]
    [InlineData("{\"a\":[}")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("\"[]\"")]
    [InlineData("[null, 1, \"x\", [], {}]")]
    [InlineData("[{\"claim_id\":\"\\ud800\"}, {]")]
    [InlineData("[{\"claim_id\":\"\\ud800\"}, 1, 2, 3]")]
    [InlineData("[{\"claim\\ud800_id\":1}]")]
    [InlineData("\uFEFF[]")]
    [InlineData("[/* c */]")]
    public void EdgeBodiesGetTheAnswersADocumentOfTheWholeBodyGave(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        foreach (int maxClaims in new[] { 0, 2, 10 })
            Assert.Equal(Describe(() => DocumentBatch.Parse(body, (Validation, maxClaims))), Describe(() => RequestBodies.ParseBatch(body, (Validation, maxClaims))));
    }

    [Fact]
    public void ClaimsNestedToTheDepthLimitAreAnsweredAsBefore()
    {
        foreach (int depth in new[] { 29, 30, 31, 32, 33 })
        {
            var nested = new StringBuilder();
            for (int i = 0; i < depth; i++) nested.Append("{\"n\":");
            nested.Append('1').Append('}', depth);
            var claim = TestClaims.WithId("CLM-D-1");
            var text = claim.ToJsonString().Insert(1, $"\"deep\":{nested},");
            var body = Encoding.UTF8.GetBytes($"[{text}]");
            Assert.Equal(Describe(() => DocumentBatch.Parse(body, (Validation, 10))), Describe(() => RequestBodies.ParseBatch(body, (Validation, 10))));
        }
    }

    /// <summary>An array of the parts (their bytes untouched, invalid UTF-8 included) with random spacing, sometimes with something wrong around it.</summary>
    private static byte[] Frame(Random random, List<byte[]> parts)
    {
        byte[] Space() => random.Next(3) switch { 0 => [], 1 => " "u8.ToArray(), _ => "\n\t "u8.ToArray() };
        var body = new List<byte>();
        body.Add((byte)'[');
        body.AddRange(Space());
        for (int i = 0; i < parts.Count; i++)
        {
            if (i > 0) body.AddRange([.. Space(), (byte)',', .. Space()]);
            body.AddRange(parts[i]);
        }
        body.AddRange(Space());
        body.Add((byte)']');
        return random.Next(12) switch
        {
            0 => [.. body, .. " x"u8],
            1 => [.. body[..^1]],
            2 => [.. "{\"claims\":"u8, .. body, (byte)'}'],
            3 => [.. body[1..^1]],
            _ => [.. body],
        };
    }

    /// <summary>What kind of answer a description is: scored claims, or the start of its first error.</summary>
    private static string KindOf(string description)
    {
        var errors = description.Split('\n').Last();
        return errors == "errors=" ? "claims" : errors[..Math.Min(40, errors.Length)];
    }

    private static string Describe(Func<BatchBody> parse)
    {
        try
        {
            var body = parse();
            return $"claims={body.Claims.Count} {string.Join(" ", body.Claims.Select(c => ClaimJson.Serialize(c)))}\nerrors={body.Errors}";
        }
        catch (Exception e) { return $"threw {e.GetType().Name}: {e.Message}"; }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    /// <summary>
    /// How <see cref="RequestBodies.ParseBatch"/> read a batch before it streamed: the whole body into a document, then
    /// each element through <see cref="ClaimJson.Parse(JsonElement, ClaimValidationOptions?, bool)"/>. Kept as the oracle.
    /// </summary>
    private static class DocumentBatch
    {
        public static BatchBody Parse(ReadOnlyMemory<byte> utf8, (ClaimValidationOptions Validation, int MaxClaims) limits)
        {
            if (!TextGuard.IsValidUtf8(utf8.Span)) return new BatchBody([], TextGuard.InvalidUtf8());
            try { return ParseUtf8(utf8, limits); }
            catch (InvalidOperationException e) when (TextGuard.IsUndecodableString(e)) { return new BatchBody([], TextGuard.UndecodableString()); }
        }

        private static BatchBody ParseUtf8(ReadOnlyMemory<byte> utf8, (ClaimValidationOptions Validation, int MaxClaims) limits)
        {
            var errors = new ValidationErrors();
            if (!RequestBodies.TryParse(utf8, errors, out var doc)) return new BatchBody([], errors);
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Array)
                {
                    errors.Add("$", "must be a JSON array of claims (or send NDJSON with Content-Type: application/x-ndjson)");
                    return new BatchBody([], errors);
                }
                int count = root.GetArrayLength();
                if (count > limits.MaxClaims)
                {
                    errors.Add("$", $"has {count} claims; a batch takes at most {limits.MaxClaims}");
                    return new BatchBody([], errors);
                }
                var claims = new List<Claim>(count);
                int i = 0;
                foreach (var element in root.EnumerateArray())
                {
                    var parsed = ClaimJson.Parse(element, limits.Validation);
                    if (parsed.Claim is { } claim) claims.Add(claim);
                    else RequestBodies.Nest(parsed.Errors, $"[{i}]", errors);
                    i++;
                }
                return new BatchBody(claims, errors);
            }
        }
    }
}
