namespace ClaimFraud.Kernel.Execution;

/// <summary>Finds the ClaimFraud repository root: CLAIMFRAUD_ROOT, else the folder holding ClaimFraud.sln above a start folder.</summary>
public static class RepoLocator
{
    public const string EnvironmentVariable = "CLAIMFRAUD_ROOT";
    public const string SolutionFile = "ClaimFraud.sln";

    public static string? Find(params string?[] startFolders)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Directory.Exists(configured))
                throw new DirectoryNotFoundException($"{EnvironmentVariable} points to '{configured}', which does not exist.");
            return Path.GetFullPath(configured);
        }
        foreach (var start in startFolders)
        {
            if (string.IsNullOrEmpty(start)) continue;
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
            }
        }
        return null;
    }
}
