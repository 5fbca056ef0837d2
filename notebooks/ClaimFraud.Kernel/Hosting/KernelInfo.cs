using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using ClaimFraud.Kernel.Protocol;
using Microsoft.CodeAnalysis.CSharp;

namespace ClaimFraud.Kernel.Hosting;

/// <summary>The kernel's identity as reported in kernel_info_reply and the kernelspec.</summary>
public static class KernelInfo
{
    public const string KernelName = "csharp-claimfraud";
    public const string DisplayName = "C# (ClaimFraud)";
    public const string Implementation = "claimfraud-csharp";

    public static string Version =>
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = "csharp",
        ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    public static JsonObject ReplyContent() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = Version,
        ["language_info"] = LanguageInfo(),
        ["banner"] = $"{DisplayName} kernel {Version}: Roslyn C# scripting on {RuntimeInformation.FrameworkDescription}. " +
                     "#r \"ClaimFraud.<Project>\" references a project of the repository.",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
