using ClaimFraud.Kernel.Execution;

namespace ClaimFraud.Kernel.Tests.Execution;

/// <summary>A fake repository with built projects, and one session over it shared by the reference tests.</summary>
public sealed class ReferenceRepository
{
    public ReferenceRepository()
    {
        Root = ReferenceTests.FakeRepository("references", out var dll);
        GreeterDll = dll;
        Session = new ScriptSession(new ScriptSessionOptions(Root, Root, AllowProjectBuilds: false));
    }

    public string Root { get; }
    public string GreeterDll { get; }
    public ScriptSession Session { get; }
}

public class ReferenceTests(ReferenceRepository repository) : IClassFixture<ReferenceRepository>
{
    private async Task<ExecutionOutcome> Run(string code, RecordingSink? sink = null) =>
        await repository.Session.ExecuteAsync(code, 1, sink ?? new RecordingSink(), default);

    [Fact]
    public async Task ACellReferencesADllByAbsolutePathAndItsDependencyLoadsFromBesideIt()
    {
        var folder = TestLibraries.TempFolder("abs-reference");
        var helper = TestLibraries.Compile(folder, "AbsHelper", "namespace AbsLib; public static class Shout { public static string Loud(string s) => s.ToUpperInvariant() + \"!\"; }");
        var library = TestLibraries.Compile(folder, "AbsGreeter", "namespace AbsLib; public static class Greeter { public static string Hello(string n) => Shout.Loud(\"halo \" + n); }", helper);

        var outcome = await Run($"#r \"{library}\"\nAbsLib.Greeter.Hello(\"dunia\")");

        Assert.Equal("HALO DUNIA!", Assert.IsType<ExecutionSucceeded>(outcome).Result!.Text);
    }

    [Fact]
    public async Task ACellReferencesARepositoryProjectByItsNameAlone()
    {
        var outcome = await Run("#r \"NameGreeter\"\nNameLib.Greeter.Hello()");

        Assert.Equal("hello from a project", Assert.IsType<ExecutionSucceeded>(outcome).Result!.Text);
    }

    [Fact]
    public async Task AnUnknownProjectNameFailsWithTheListOfProjects()
    {
        var sink = new RecordingSink();

        var outcome = await Run("#r \"ClaimFraud.Nope\"", sink);

        Assert.Contains("CS0006", Assert.IsType<ExecutionFailed>(outcome).ErrorValue);
        Assert.Contains("No project named ClaimFraud.Nope", sink.Text("stderr"));
        Assert.Contains("NameGreeter", sink.Text("stderr"));
    }

    [Fact]
    public void ABuildOlderThanItsSourcesIsNotUsed()
    {
        var repo = FakeRepository("stale", out var dll);
        var project = Path.Combine(repo, "libs", "NameGreeter", "NameGreeter.csproj");
        Assert.Equal(dll, ProjectLibraries.FreshBuildOutput(project));

        File.SetLastWriteTimeUtc(Path.Combine(repo, "libs", "NameHelper", "Helper.cs"), DateTime.UtcNow.AddMinutes(5));

        Assert.Null(ProjectLibraries.FreshBuildOutput(project));
        Assert.Null(new ProjectLibraries(repo, allowBuild: false).ResolveDll("NameGreeter", _ => { }));
    }

    [Fact]
    public void TheRepositoryRootIsFoundFromTheSolutionFileAbove()
    {
        var repo = FakeRepository("locate", out _);
        var nested = Path.Combine(repo, "libs", "NameGreeter");

        var found = Environment.GetEnvironmentVariable(RepoLocator.EnvironmentVariable) is null ? RepoLocator.Find(nested) : repo;

        Assert.Equal(repo, found);
    }

    // A repository with ClaimFraud.sln, a project referencing another, and fresh Release builds.
    internal static string FakeRepository(string name, out string greeterDll)
    {
        var repo = TestLibraries.TempFolder(name);
        File.WriteAllText(Path.Combine(repo, RepoLocator.SolutionFile), "");
        var helperDir = Path.Combine(repo, "libs", "NameHelper");
        var greeterDir = Path.Combine(repo, "libs", "NameGreeter");
        Directory.CreateDirectory(helperDir);
        Directory.CreateDirectory(greeterDir);
        File.WriteAllText(Path.Combine(helperDir, "NameHelper.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.WriteAllText(Path.Combine(helperDir, "Helper.cs"), "// source");
        File.WriteAllText(Path.Combine(greeterDir, "NameGreeter.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\NameHelper\\NameHelper.csproj\" /></ItemGroup></Project>");
        File.WriteAllText(Path.Combine(greeterDir, "Greeter.cs"), "// source");
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, old);

        var output = Path.Combine(greeterDir, "bin", "Release", "net10.0");
        var helper = TestLibraries.Compile(output, "NameHelper", "namespace NameLib; public static class Words { public static string Project => \"a project\"; }");
        greeterDll = TestLibraries.Compile(output, "NameGreeter", "namespace NameLib; public static class Greeter { public static string Hello() => \"hello from \" + Words.Project; }", helper);
        return repo;
    }
}
