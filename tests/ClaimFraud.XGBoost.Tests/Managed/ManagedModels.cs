using System.Collections.Concurrent;
using ClaimFraud.XGBoost.Managed;

namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>One trained <see cref="ManagedShape"/>: its held-out rows, the XGBoost booster and the managed ensemble.</summary>
public sealed class TrainedShape : IDisposable
{
    internal TrainedShape(ManagedShape shape)
    {
        Shape = shape;
        Train = ManagedData.Generate(shape, seed: 1000 + shape.Depth * 31 + shape.Rounds, ManagedShape.TrainRows);
        Test = ManagedData.Generate(shape, seed: 5000 + shape.Depth * 31 + shape.Rounds, ManagedShape.TestRows);
        using DMatrix dtrain = Train.ToDMatrix();
        Booster = new Booster(dtrain);
        Booster.SetParams(shape.Parameters());
        for (int i = 0; i < shape.Rounds; i++)
        {
            Booster.UpdateOneIter(i, dtrain);
        }

        DTest = Test.ToDMatrix();
        Ensemble = TreeEnsemble.FromBooster(Booster);
    }

    public ManagedShape Shape { get; }

    internal ManagedData Train { get; }

    internal ManagedData Test { get; }

    public DMatrix DTest { get; }

    public Booster Booster { get; }

    public TreeEnsemble Ensemble { get; }

    public void Dispose()
    {
        Booster.Dispose();
        DTest.Dispose();
    }
}

/// <summary>Trains each shape once, on first use, for all tests of the "Managed models" collection.</summary>
public sealed class ManagedModels : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TrainedShape>> _trained = new();

    public TrainedShape this[string name] =>
        _trained.GetOrAdd(name, key => new Lazy<TrainedShape>(() => new TrainedShape(ManagedShape.Named(key)))).Value;

    public void Dispose()
    {
        foreach (Lazy<TrainedShape> trained in _trained.Values)
        {
            if (trained.IsValueCreated)
            {
                trained.Value.Dispose();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ManagedModelsCollection : ICollectionFixture<ManagedModels>
{
    public const string Name = "Managed models";
}
