namespace ClaimFraud.Serving.Models;

/// <summary>Where the versioned models are, when <c>Model:Root</c> does not say.</summary>
internal static class ModelsFolder
{
    public const string Variable = "CLAIMFRAUD_MODELS_DIR";

    /// <summary>The repository root, as the ./claimfraud script exports it.</summary>
    public const string RootVariable = "CLAIMFRAUD_ROOT";

    /// <summary>
    /// <paramref name="configured"/>; else <paramref name="fromEnvironment"/> ($CLAIMFRAUD_MODELS_DIR); else models/ in the
    /// repository ($CLAIMFRAUD_ROOT, or the first folder holding ClaimFraud.sln walking up from the working directory,
    /// then from the app); else models/ beside the app, which is /app/models in the container.
    /// </summary>
    public static string Resolve(string? configured, string? fromEnvironment, string? repositoryRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        if (!string.IsNullOrWhiteSpace(repositoryRoot) && Directory.Exists(repositoryRoot)) return Path.Combine(Path.GetFullPath(repositoryRoot), "models");
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            if (FindRepositoryRoot(start) is { } repo) return Path.Combine(repo, "models");
        return Path.Combine(AppContext.BaseDirectory, "models");
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimFraud.sln"))) return dir.FullName;
        return null;
    }
}
