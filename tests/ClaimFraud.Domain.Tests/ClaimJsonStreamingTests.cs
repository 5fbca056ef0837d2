using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Synthetic;

namespace ClaimFraud.Domain.Tests;

/// <summary>
/// The streaming reader behind <see cref="ClaimJson.Parse(ReadOnlyMemory{byte}, ClaimValidationOptions?, bool)"/> must
/// change no answer: for every input, the same claim, label and errors as the document-only reading.
/// </summary>
public class ClaimJsonStreamingTests
{
    private static readonly ClaimValidationOptions Options = new() { Clock = FixedClock.Today };

    private static readonly Lazy<IReadOnlyList<string>> Generated = new(() =>
        [.. SyntheticDataset.Generate(new GeneratorOptions { Claims = 1_500, Seed = 5 })
            .Select(c => ClaimJson.Serialize(c.Claim, c.Label))]);

    [Fact]
    public void EveryGeneratedClaimIsReadByTheStreamingPathAsTheDocumentReaderReadsIt()
    {
        foreach (var json in Generated.Value)
        {
            var utf8 = Encoding.UTF8.GetBytes(json);
            foreach (bool requireLabel in new[] { false, true })
            {
                Assert.True(ClaimJsonFastReader.TryRead(utf8, requireLabel, out _, out _), json);
                Assert.Equal(Outcome(() => ClaimJson.ParseDocument(utf8, Options, requireLabel)), Outcome(() => ClaimJson.Parse(utf8, Options, requireLabel)));
            }
        }
    }

    [Fact]
    public void MutatedClaimsGetTheSameClaimLabelAndErrorsAsFromTheDocumentReader()
    {
        var mutator = new ClaimTextMutator(20261121);
        var inputs = Generated.Value.Take(1_000).Append(Fixtures.CombinedFraudJson).ToList();
        int streamed = 0, fellBack = 0, accepted = 0;
        var mismatches = new List<string>();

        foreach (var json in inputs)
            for (int n = 0; n < 4; n++)
            {
                var variant = mutator.Next(json);
                foreach (bool requireLabel in new[] { false, true })
                {
                    string expected = Outcome(() => ClaimJson.ParseDocument(variant.Utf8, Options, requireLabel));
                    string actual = Outcome(() => ClaimJson.Parse(variant.Utf8, Options, requireLabel));
                    if (expected != actual)
                        mismatches.Add($"{variant.Kind}\n{Encoding.UTF8.GetString(variant.Utf8)}\nexpected {expected}\nactual   {actual}");
                    if (ClaimJsonFastReader.TryRead(variant.Utf8, requireLabel, out _, out _)) streamed++;
                    else fellBack++;
                    if (expected.StartsWith("claim={", StringComparison.Ordinal)) accepted++;
                }
            }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches; first:\n{string.Join("\n\n", mismatches.Take(3))}");
        // Both paths were exercised, and the fallback also saw inputs that are still acceptable claims.
        Assert.True(streamed > 1_000, $"streamed {streamed}");
        Assert.True(fellBack > 1_000, $"fell back {fellBack}");
        Assert.True(accepted > streamed, $"accepted {accepted}, streamed {streamed}");
    }

    [Fact]
    public void AValueInsideALargerDocumentIsReadAsTheDocumentReaderReadsThatElement()
    {
        var mutator = new ClaimTextMutator(7);
        var random = new Random(7);
        var inputs = Generated.Value.Take(400).ToList();
        int arrays = 0, elements = 0;

        for (int i = 0; i < inputs.Count; i += 4)
        {
            var parts = inputs.Skip(i).Take(4).Select(j => random.Next(3) == 0 ? Encoding.UTF8.GetBytes(j) : mutator.Next(j).Utf8)
                .Append(Encoding.UTF8.GetBytes(Pick(random, "42", "\"claim\"", "null", "[]", "[{\"a\":1}]", "{}", "true")));
            var utf8 = Encoding.UTF8.GetBytes("[ " + string.Join(" ,\n", parts.Select(p => Encoding.UTF8.GetString(p))) + " ]");
            JsonDocument doc;
            try { doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 33 }); }
            catch (JsonException)
            {
                Assert.ThrowsAny<JsonException>(() => ReadAll(utf8));
                continue;
            }
            using (doc)
            {
                var expected = doc.RootElement.EnumerateArray().Select(e => Outcome(() => ClaimJson.Parse(e, Options))).ToList();
                Assert.Equal(expected, ReadAll(utf8));
                arrays++;
                elements += expected.Count;
            }
        }
        Assert.True(arrays > 20 && elements > 100, $"{arrays} arrays, {elements} elements");
    }

    [Fact]
    public void PropertiesInAnyOrderAndUnknownPropertiesStayOnTheStreamingPath()
    {
        var o = JsonNode.Parse(Fixtures.CombinedFraudJson)!.AsObject();
        var reversed = new JsonObject();
        foreach (var (name, value) in o.ToList().AsEnumerable().Reverse())
        {
            o.Remove(name);
            reversed[name] = value;
        }
        reversed["extra"] = new JsonObject { ["nested"] = new JsonArray(1, "two", new JsonObject { ["claim_id"] = 3 }) };
        reversed["patient"]!["hobby"] = "chess";
        var utf8 = Encoding.UTF8.GetBytes(reversed.ToJsonString());

        Assert.True(ClaimJsonFastReader.TryRead(utf8, requireLabel: false, out var claim, out _));
        var viaDocument = ClaimJson.ParseDocument(utf8, Options);
        Assert.Equal(ClaimJson.Serialize(viaDocument.Claim!), ClaimJson.Serialize(claim));
    }

    [Fact]
    public void AWholeFloatOfRupiahIsStreamedAndAFractionIsLeftToTheDocumentReader()
    {
        var whole = Encoding.UTF8.GetBytes(ClaimJsonTests.Mutate(o => o["hospital_tariff"] = 1).Replace("\"hospital_tariff\":1", "\"hospital_tariff\":45000.0"));
        var fraction = Encoding.UTF8.GetBytes(ClaimJsonTests.Mutate(o => o["hospital_tariff"] = 1).Replace("\"hospital_tariff\":1", "\"hospital_tariff\":45000.5"));

        Assert.True(ClaimJsonFastReader.TryRead(whole, requireLabel: false, out var claim, out _));
        Assert.Equal(45_000, claim.HospitalTariff);
        Assert.False(ClaimJsonFastReader.TryRead(fraction, requireLabel: false, out _, out _));
        Assert.Equal("must be a whole number of rupiah", ClaimJson.Parse(fraction, Options).Errors["hospital_tariff"][0]);
    }

    [Fact]
    public void ADuplicatePropertyIsLeftToTheDocumentReaderWhichKeepsTheLast()
    {
        var utf8 = Encoding.UTF8.GetBytes(ClaimJsonTests.Mutate(_ => { }).Replace("{\"claim_id\":", "{\"claim_id\":\"CLM-FIRST\",\"claim_id\":"));

        Assert.False(ClaimJsonFastReader.TryRead(utf8, requireLabel: false, out _, out _));
        Assert.Equal("CLM-2025-COMBINED-001", ClaimJson.Parse(utf8, Options).Claim!.ClaimId);
    }

    [Fact]
    public void AnEscapedLoneSurrogateFallsBackToTheFieldError()
    {
        var utf8 = Encoding.UTF8.GetBytes(ClaimJsonTests.Mutate(o => o["doctor_id"] = "x").Replace("\"doctor_id\":\"x\"", "\"doctor_id\":\"\\ud800\""));

        Assert.False(ClaimJsonFastReader.TryRead(utf8, requireLabel: false, out _, out _));
        Assert.Contains("unpaired surrogate", ClaimJson.Parse(utf8, Options).Errors["doctor_id"][0]);
    }

    [Fact]
    public void TimesReadFromUtf8GiveWhatTheStringReadingGives()
    {
        var random = new Random(3);
        var texts = new List<string>
        {
            "2024-10-10T08:00:00+07:00", "2024-10-10T08:00:00", "2024-02-29T23:59:59-03:30", "2023-02-29T08:00:00+07:00",
            "0001-01-01T00:00:00+14:00", "0002-01-01T00:00:00+14:00", "9998-12-31T23:59:59-14:00", "9999-12-31T23:59:59+07:00",
            "2024-10-10T24:00:00+07:00", "2024-10-10T08:60:00+07:00", "2024-10-10T08:00:60+07:00", "2024-10-10T08:00:00+14:01",
            "2024-10-10T08:00:00-00:00", "2024-10-10T08:00:00Z", "2024-10-10 08:00:00+07:00", "2024-10-10T08:00:00+0700",
            "2024-1O-10T08:00:00+07:00", "2024-10-10T08:00:00+07:0٠", "٢٠٢٤-10-10T08:00:00", "2024/10/10T08:00:00+07:00",
        };
        // Mostly a digit changed (in range or not), sometimes a separator.
        const string marks = "-+:TZ ";
        int examples = texts.Count;
        for (int i = 0; i < 5_000; i++)
        {
            var chars = texts[random.Next(examples)].ToCharArray();
            chars[random.Next(chars.Length)] = random.Next(4) == 0 ? marks[random.Next(marks.Length)] : (char)('0' + random.Next(10));
            texts.Add(new string(chars));
        }
        int canonical = 0;
        foreach (var text in texts)
        {
            if (!JakartaTime.TryParseCanonical(Encoding.UTF8.GetBytes(text), out var fromBytes)) continue;
            canonical++;
            Assert.True(JakartaTime.TryParseTimestamp(text, out var fromString), text);
            Assert.Equal(fromString, fromBytes);
            Assert.Equal(fromString.Offset, fromBytes.Offset);
        }
        Assert.True(canonical > 300, $"{canonical} canonical");
    }

    private static List<string> ReadAll(byte[] utf8)
    {
        var results = new List<string>();
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, new JsonReaderState(new JsonReaderOptions { MaxDepth = 33 }));
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // The reader is a ref struct: it cannot be captured by Outcome's lambda.
            try { results.Add(Describe(ClaimJson.Parse(ref reader, utf8, Options))); }
            catch (InvalidOperationException e) { results.Add($"threw {e.GetType().Name}: {e.Message}"); }
        }
        Assert.False(reader.Read());
        return results;
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    /// <summary>Everything a caller sees of a parse: the claim (as its JSON, since lists compare by reference), label and errors, or what it threw.</summary>
    private static string Outcome(Func<ClaimParseResult> parse)
    {
        try { return Describe(parse()); }
        catch (Exception e) { return $"threw {e.GetType().Name}: {e.Message}"; }
    }

    private static string Describe(ClaimParseResult r) =>
        $"claim={(r.Claim is null ? "-" : ClaimJson.Serialize(r.Claim))}\nlabel={(r.Label is null ? "-" : $"{r.Label.IsFraud} [{string.Join("|", r.Label.Patterns)}]")}\nerrors={r.Errors}";
}
