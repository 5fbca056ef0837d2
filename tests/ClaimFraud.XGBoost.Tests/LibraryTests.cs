namespace ClaimFraud.XGBoost.Tests;

public sealed class LibraryTests
{
    [Fact]
    public void TheInstalledLibraryIsXGBoostOnePointSeven()
    {
        Version version = XGBoostLibrary.Version;

        Assert.Equal(1, version.Major);
        Assert.Equal(7, version.Minor);
        Assert.False(string.IsNullOrEmpty(XGBoostLibrary.LoadedFrom));
    }

    [Fact]
    public void AConfiguredPathThatCannotBeLoadedIsReportedWithTheAptPackage()
    {
        const string missing = "/nonexistent/libxgboost-missing.so";

        DllNotFoundException error = Assert.Throws<DllNotFoundException>(() => XGBoostLibrary.Load(
            missing, XGBoostLibrary.PathEnvironmentVariable, typeof(XGBoostLibrary).Assembly, searchPath: null));

        Assert.Contains(missing, error.Message);
        Assert.Contains(XGBoostLibrary.PathEnvironmentVariable, error.Message);
        Assert.Contains("apt-get install libxgboost0", error.Message);
    }

    [Fact]
    public void WithoutAConfiguredPathTheDebianSonameIsUsed()
    {
        (nint handle, string from) = XGBoostLibrary.Load(
            configuredPath: null, "none", typeof(XGBoostLibrary).Assembly, searchPath: null);

        Assert.NotEqual(0, handle);
        Assert.Equal(XGBoostLibrary.DebianSoname, from);
    }

    [Fact]
    public void ThePathCannotChangeOnceTheLibraryIsLoaded()
    {
        _ = XGBoostLibrary.Version;

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => XGBoostLibrary.Path = "/somewhere/else/libxgboost.so");

        Assert.Contains("already loaded", error.Message);
    }
}
