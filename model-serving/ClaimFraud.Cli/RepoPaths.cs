namespace ClaimFraud.Cli;

/// <summary>Where the repository's folders are: CLAIMFRAUD_ROOT (set by the ./claimfraud script), else the folder holding ClaimFraud.sln above the current one.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Environment.GetEnvironmentVariable("CLAIMFRAUD_MODELS_DIR") is { Length: > 0 } m ? m : Path.Combine(Root, "models");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("CLAIMFRAUD_ROOT") is { Length: > 0 } r && Directory.Exists(r)) return r;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimFraud.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
