using ClaimFraud.Serving.Http;
using ClaimFraud.Serving.Models;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>Where the models are looked for, and which content types count as JSON or NDJSON.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void TheConfiguredModelsRootWinsOverTheEnvironment()
    {
        Assert.Equal(Path.GetFullPath("/srv/models"), ModelsFolder.Resolve("/srv/models", "/env/models", "/repo"));
    }

    [Fact]
    public void TheModelsDirVariableComesBeforeTheRepository()
    {
        Assert.Equal(Path.GetFullPath("/env/models"), ModelsFolder.Resolve(null, "/env/models", TestModels.RepositoryRoot));
    }

    [Fact]
    public void TheRepositoryRootVariableGivesItsModelsFolder()
    {
        Assert.Equal(Path.Combine(TestModels.RepositoryRoot, "models"), ModelsFolder.Resolve(null, null, TestModels.RepositoryRoot));
    }

    [Fact]
    public void WithoutSettingsTheRepositoryIsFoundByWalkingUp()
    {
        // The tests run from bin/ inside the repository.
        Assert.Equal(Path.Combine(TestModels.RepositoryRoot, "models"), ModelsFolder.Resolve(null, null, null));
        Assert.Equal(TestModels.RepositoryRoot, ModelsFolder.FindRepositoryRoot(AppContext.BaseDirectory));
    }

    [Theory]
    [InlineData("application/json", "Json")]
    [InlineData("Application/JSON; charset=UTF-8", "Json")]
    [InlineData("application/problem+json", "Json")]
    [InlineData("application/x-ndjson", "Ndjson")]
    [InlineData("application/ndjson; charset=utf-8", "Ndjson")]
    [InlineData("application/json; charset=utf-16", "Unsupported")]
    [InlineData("text/json", "Unsupported")]
    [InlineData("text/plain", "Unsupported")]
    [InlineData("", "Unsupported")]
    [InlineData(";;", "Unsupported")]
    [InlineData(null, "Unsupported")]
    public void ContentTypesAreReadAsJsonNdjsonOrUnsupported(string? contentType, string expected)
    {
        Assert.Equal(expected, RequestBody.KindOf(contentType).ToString());
    }
}
