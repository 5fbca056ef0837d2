using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;
using L = ClaimFraud.ResultStore.Layout.FraudResultLayout;

namespace ClaimFraud.ResultStore.Layout;

/// <summary>
/// Turns a score into the cells of <see cref="FraudResultLayout"/> and back. Scalars are plain UTF-8 text (readable in
/// the hbase shell: numbers in invariant culture, doubles in round-trip form, timestamps ISO 8601 with their offset);
/// lists and components are JSON in the contract's snake_case.
/// </summary>
internal static class ResultCells
{
    public static List<Cell> Encode(StoredResult result)
    {
        var s = result.Score;
        return
        [
            Text(L.Score, L.ClaimId, s.ClaimId),
            Text(L.Score, L.ModelVersion, s.ModelVersion),
            Text(L.Score, L.ScoredAt, s.ScoredAt.ToString("O", CultureInfo.InvariantCulture)),
            Text(L.Score, L.FraudScore, s.FraudScore.ToString("R", CultureInfo.InvariantCulture)),
            Text(L.Score, L.RiskScore, s.RiskScore.ToString(CultureInfo.InvariantCulture)),
            Text(L.Score, L.RiskLevel, s.RiskLevel),
            Text(L.Score, L.Priority, s.Priority),
            Text(L.Score, L.Recommendation, s.Recommendation),
            new(L.Score, L.Components, StoreJson.Serialize(s.Components)),
            new(L.Findings, L.RuleViolations, StoreJson.Serialize(s.RuleViolations)),
            new(L.Findings, L.SuspiciousSections, StoreJson.Serialize(s.SuspiciousSections)),
            new(L.Insight, L.Importance, StoreJson.Serialize(s.Importance)),
            Text(L.Insight, L.Explanation, s.Explanation),
            StampCell(result.Version),
        ];
    }

    public static Cell StampCell(ResultVersion version) => Text(L.Score, L.Stamp, version.ToString());

    public static ResultVersion DecodeStamp(string rowKey, Cell cell) =>
        ResultVersion.TryParse(Utf8(cell.Value), out var v)
            ? v
            : throw new ResultStoreFormatException($"row '{rowKey}': cell {cell.Column} is not '<19-digit ticks>|<model_version>'");

    /// <summary>Rebuilds the score; throws <see cref="ResultStoreFormatException"/> naming the first missing or undecodable cell.</summary>
    public static StoredResult Decode(string rowKey, IReadOnlyList<Cell> cells)
    {
        var byColumn = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var c in cells) byColumn[c.Column] = c.Value;

        byte[] Raw(string family, string qualifier) =>
            byColumn.TryGetValue(family + ":" + qualifier, out var v)
                ? v
                : throw new ResultStoreFormatException($"row '{rowKey}' lacks cell {family}:{qualifier}");
        string Str(string family, string qualifier) => Utf8(Raw(family, qualifier));
        ResultStoreFormatException Bad(string family, string qualifier, string expected, Exception? e = null) =>
            new($"row '{rowKey}': cell {family}:{qualifier} is not {expected}", e);
        T Json<T>(string family, string qualifier)
        {
            try { return StoreJson.Deserialize<T>(Raw(family, qualifier)); }
            catch (JsonException e) { throw Bad(family, qualifier, "the expected JSON", e); }
        }

        if (!DateTimeOffset.TryParseExact(Str(L.Score, L.ScoredAt), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var scoredAt))
            throw Bad(L.Score, L.ScoredAt, "an ISO 8601 timestamp");
        if (!double.TryParse(Str(L.Score, L.FraudScore), NumberStyles.Float, CultureInfo.InvariantCulture, out double fraud))
            throw Bad(L.Score, L.FraudScore, "a number");
        if (!int.TryParse(Str(L.Score, L.RiskScore), NumberStyles.Integer, CultureInfo.InvariantCulture, out int risk))
            throw Bad(L.Score, L.RiskScore, "an integer");

        var score = new ClaimScore
        {
            ClaimId = Str(L.Score, L.ClaimId),
            ModelVersion = Str(L.Score, L.ModelVersion),
            FraudScore = fraud,
            RiskScore = risk,
            RiskLevel = Str(L.Score, L.RiskLevel),
            Priority = Str(L.Score, L.Priority),
            Recommendation = Str(L.Score, L.Recommendation),
            Components = Json<ScoreComponents>(L.Score, L.Components),
            SuspiciousSections = Json<IReadOnlyList<SuspiciousSection>>(L.Findings, L.SuspiciousSections),
            RuleViolations = Json<IReadOnlyList<RuleViolation>>(L.Findings, L.RuleViolations),
            Importance = Json<IReadOnlyList<FeatureContribution>>(L.Insight, L.Importance),
            Explanation = Str(L.Insight, L.Explanation),
            ScoredAt = scoredAt,
        };
        if (FraudResultRowKey.ClaimIdOf(rowKey) is { } expected && expected != score.ClaimId)
            throw new ResultStoreFormatException($"row '{rowKey}' holds the result of another claim");
        return new StoredResult(score);
    }

    /// <summary>Each decision's qualifier: decided_at as 19-digit UTC ticks, so qualifiers sort chronologically.</summary>
    public static string DecisionQualifier(long utcTicks) => utcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static byte[] EncodeDecision(Decision decision) => StoreJson.Serialize(decision);

    public static Decision DecodeDecision(string rowKey, Cell cell)
    {
        try { return StoreJson.Deserialize<Decision>(cell.Value); }
        catch (JsonException e) { throw new ResultStoreFormatException($"row '{rowKey}': cell {cell.Column} is not a decision's JSON", e); }
    }

    private static Cell Text(string family, string qualifier, string value) => new(family, qualifier, Encoding.UTF8.GetBytes(value));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Utf8(byte[] value)
    {
        try { return StrictUtf8.GetString(value); }
        catch (DecoderFallbackException e) { throw new ResultStoreFormatException("a cell holds bytes that are not UTF-8", e); }
    }
}
