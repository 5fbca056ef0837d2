using System.Text.Json;

namespace ClaimFraud.XGBoost.Tests;

public sealed class SerializationTests(TrainedModel model) : IClassFixture<TrainedModel>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("claimfraud-xgboost-");

    [Theory]
    [InlineData("model.json")]
    [InlineData("model.ubj")]
    public void SavingToAFileAndReloadingGivesIdenticalPredictions(string fileName)
    {
        string path = Path.Combine(_directory.FullName, fileName);
        model.Booster.SaveModel(path);

        using Booster reloaded = Booster.Load(path);

        AssertSamePredictions(model.Booster, reloaded);
        Assert.Equal([fileName], _directory.GetFiles().Select(f => f.Name));
    }

    [Theory]
    [InlineData(ModelFormat.Json)]
    [InlineData(ModelFormat.Ubj)]
    public void SavingToABufferAndReloadingGivesIdenticalPredictions(ModelFormat format)
    {
        byte[] bytes = model.Booster.SaveModelToBuffer(format);

        using Booster reloaded = Booster.Load(bytes);

        AssertSamePredictions(model.Booster, reloaded);
        Assert.Equal(TrainedModel.Rounds, reloaded.BoostedRounds);
        Assert.Equal(SyntheticClaims.FeatureNames, reloaded.GetFeatureNames());
    }

    [Fact]
    public void FileAndBufferFormatsHoldTheSameBytes()
    {
        string json = Path.Combine(_directory.FullName, "same.json");
        string ubj = Path.Combine(_directory.FullName, "same.ubj");
        model.Booster.SaveModel(json);
        model.Booster.SaveModel(ubj);

        Assert.Equal(model.Booster.SaveModelToBuffer(ModelFormat.Json), File.ReadAllBytes(json));
        Assert.Equal(model.Booster.SaveModelToBuffer(ModelFormat.Ubj), File.ReadAllBytes(ubj));
    }

    [Fact]
    public void ModelJsonParsesAsJsonAndContainsLearner()
    {
        using JsonDocument document = JsonDocument.Parse(model.Booster.SaveModelToBuffer(ModelFormat.Json));
        JsonElement learner = document.RootElement.GetProperty("learner");

        Assert.Equal(
            SyntheticClaims.FeatureNames,
            learner.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("binary:logistic", learner.GetProperty("objective").GetProperty("name").GetString());
        Assert.Equal(
            [1, 7],
            document.RootElement.GetProperty("version").EnumerateArray().Take(2).Select(e => e.GetInt32()));
    }

    [Fact]
    public void AttributesLikeBestIterationSurviveSaveAndLoad()
    {
        using Booster copy = model.Copy();
        Assert.Null(copy.BestIteration);
        copy.BestIteration = 41;
        copy.SetAttribute("trained_by", "unit test");

        using Booster reloaded = Booster.Load(copy.SaveModelToBuffer(ModelFormat.Json));

        Assert.Equal(41, reloaded.BestIteration);
        Assert.Equal("unit test", reloaded.GetAttribute("trained_by"));
        reloaded.SetAttribute("trained_by", null);
        Assert.Null(reloaded.GetAttribute("trained_by"));
    }

    [Fact]
    public void SavingOverAnExistingModelReplacesItWhole()
    {
        string path = Path.Combine(_directory.FullName, "replace.json");
        File.WriteAllText(path, "an older, longer file that must not leave a tail behind ...................");

        model.Booster.SaveModel(path);

        using (JsonDocument.Parse(File.ReadAllBytes(path)))
        {
        }

        Assert.Equal(["replace.json"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void ModelPathsWithoutJsonOrUbjExtensionsAreRejected()
    {
        string path = Path.Combine(_directory.FullName, "model.bin");

        ArgumentException save = Assert.Throws<ArgumentException>(() => model.Booster.SaveModel(path));
        Assert.Contains(".json or .ubj", save.Message);
        Assert.Throws<FileNotFoundException>(() => Booster.Load(Path.Combine(_directory.FullName, "absent.json")));
        Assert.Empty(_directory.GetFiles());
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private void AssertSamePredictions(Booster expected, Booster actual)
    {
        foreach (PredictionOptions options in new[] { PredictionOptions.Probability, PredictionOptions.Contributions })
        {
            PredictionResult want = expected.Predict(model.DTest, options);
            PredictionResult got = actual.Predict(model.DTest, options);
            Assert.Equal(want.Shape, got.Shape);
            Assert.Equal(want.Values, got.Values);
        }
    }
}
