using BenchmarkDotNet.Attributes;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Tests.Support;

namespace ClaimFraud.Benchmarks;

/// <summary>
/// Claims per second through the one code path (features + rules), on one thread. Each operation runs
/// <see cref="Batch"/> claims, so the reported time and allocation are per batch; divide by 4,096 for one claim.
/// A short job (few iterations) keeps the whole run to a few minutes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class EvidenceBenchmarks
{
    private const int Batch = 4096;
    private const int HistorySize = 100_000;

    private ClaimEvidence _evidence = null!;
    private Claim[] _claims = null!;
    private InMemoryClaimHistory _history = null!;
    private float[] _features = null!;

    [GlobalSetup]
    public void Setup()
    {
        _evidence = new ClaimEvidence(ReferenceCatalog.Default);
        // Plausible and odd claims alike (unknown codes, missing documents, extreme amounts), from a fixed seed.
        _claims = new RandomClaims(seed: 2024, patients: 20_000, hospitals: 40).Take(Batch).ToArray();
        _features = new float[FeatureSchema.Current.Count];

        // A history of 100k claims from the same population, so queries find repeat patients and busy hospitals.
        _history = _evidence.CreateHistory();
        foreach (var c in new RandomClaims(seed: 7, patients: 20_000, hospitals: 40).Take(HistorySize)) _history.Add(c);

        // Warm the catalog caches outside the measurement.
        foreach (var c in _claims) _evidence.Analyze(c, HistorySnapshot.Empty, _features);
    }

    /// <summary>Features and rule verdict (score, codes) into a reused buffer: the scoring hot path without history.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public double AnalyzeWithoutHistory()
    {
        double sum = 0;
        foreach (var c in _claims) sum += _evidence.Analyze(c, HistorySnapshot.Empty, _features).Score;
        return sum;
    }

    /// <summary>The two public calls one after the other: Extract, then Evaluate on its output.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public double ExtractThenEvaluateWithoutHistory()
    {
        double sum = 0;
        foreach (var c in _claims)
        {
            _evidence.Extractor.Extract(c, HistorySnapshot.Empty, _features);
            sum += _evidence.Rules.Evaluate(c, HistorySnapshot.Empty, _features).Score;
        }
        return sum;
    }

    /// <summary>Including the messages and suspicious sections of every rule that fired (what a full score response needs).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int AnalyzeWithMessagesWithoutHistory()
    {
        int n = 0;
        foreach (var c in _claims)
        {
            var rules = _evidence.Analyze(c, HistorySnapshot.Empty, _features);
            n += rules.Violations.Count + rules.Sections.Count;
        }
        return n;
    }

    /// <summary>History query (as of the claim's admission, over 100k stored claims) plus features and rules.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public double AnalyzeWithHistoryOf100k()
    {
        double sum = 0;
        foreach (var c in _claims) sum += _evidence.Analyze(c, _history.Query(c), _features).Score;
        return sum;
    }
}
