namespace ClaimFraud.XGBoost.Tests;

/// <summary>
/// One small binary:logistic model trained on seeded data, shared by the tests of a class.
/// Tests must not change this booster; those that do load their own copy via <see cref="Copy"/>.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    public const int Rounds = 60;

    // Different seeds for training and test rows so the test set is genuinely held out.
    private const int TrainSeed = 20240101;
    private const int TestSeed = 20240202;

    public TrainedModel()
    {
        Train = SyntheticClaims.Generate(TrainSeed, rows: 2000);
        Test = SyntheticClaims.Generate(TestSeed, rows: 1000);
        DTrain = Train.ToDMatrix();
        DTest = Test.ToDMatrix();
        Booster = TrainBooster(DTrain, Rounds);
    }

    internal SyntheticClaims Train { get; }

    internal SyntheticClaims Test { get; }

    public DMatrix DTrain { get; }

    public DMatrix DTest { get; }

    public Booster Booster { get; }

    public static Dictionary<string, object> Parameters => new()
    {
        ["objective"] = "binary:logistic",
        ["eval_metric"] = new[] { "auc", "logloss" },
        ["tree_method"] = "hist",
        ["max_depth"] = 4,
        ["eta"] = 0.2,
        ["seed"] = 7,
    };

    public static Booster TrainBooster(DMatrix dtrain, int rounds)
    {
        var booster = new Booster(dtrain);
        booster.SetParams(Parameters);
        for (int i = 0; i < rounds; i++)
        {
            booster.UpdateOneIter(i, dtrain);
        }

        return booster;
    }

    /// <summary>An independent booster with the same model, for tests that modify it.</summary>
    public Booster Copy() => Booster.Load(Booster.SaveModelToBuffer(ModelFormat.Ubj));

    public void Dispose()
    {
        Booster.Dispose();
        DTrain.Dispose();
        DTest.Dispose();
    }
}
