using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ClaimFraud.Kernel.Execution;
using ClaimFraud.Kernel.Hosting;
using ClaimFraud.Kernel.Native;
using ClaimFraud.Kernel.Protocol;

// ClaimFraud C# Jupyter kernel: `dotnet ClaimFraud.Kernel.dll <connection-file>` (see notebooks/README.md).
if (args.Length != 1 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: dotnet ClaimFraud.Kernel.dll <connection-file>");
    Console.Error.WriteLine("Started by Jupyter from the kernelspec that scripts/install-kernel.sh installs.");
    return args.Length == 1 ? 0 : 2;
}
if (args[0] == "--version")
{
    Console.WriteLine(KernelInfo.Version);
    return 0;
}

ConnectionInfo connection;
try
{
    connection = ConnectionInfo.Load(args[0]);
}
catch (Exception e) when (e is FormatException or IOException)
{
    Console.Error.WriteLine($"[ClaimFraud.Kernel] {e.Message}");
    return 2;
}

// Message and display ids only need to be unique; nothing computed by a notebook depends on this.
var sessionId = RandomNumberGenerator.GetHexString(32, lowercase: true);
string? repoRoot = null;
try
{
    repoRoot = RepoLocator.Find(AppContext.BaseDirectory, Environment.CurrentDirectory);
}
catch (DirectoryNotFoundException e)
{
    // Cells still work with explicit #r paths; only project-name references need the root.
    Console.Error.WriteLine($"[ClaimFraud.Kernel] {e.Message} #r \"<ProjectName>\" is unavailable.");
}
var session = new ScriptSession(new ScriptSessionOptions(repoRoot, Environment.CurrentDirectory, sessionId));
using var server = new KernelServer(connection, session, sessionId, ConsoleRouting.KernelLog, TimeProvider.System);

// SIGINT interrupts the running cell instead of ending the kernel.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    server.InterruptCurrentCell();
});

try
{
    server.Run();
}
catch (ZmqException e)
{
    ConsoleRouting.KernelLog.WriteLine($"[ClaimFraud.Kernel] {e.Message}");
    Environment.Exit(1);
}
// Threads a cell started may still run; the kernel's life ends here regardless.
Environment.Exit(0);
return 0;
