using System.CommandLine;

namespace ClaimFraud.Cli;

/// <summary>Runs the command line and turns the errors a user can fix into one clear line and a non-zero exit code.</summary>
internal static class CliRunner
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            // Our own handler below prints user errors as one line; the library's would print a stack trace.
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await root.Parse(args).InvokeAsync(config, cts.Token);
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"claimfraud: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"claimfraud: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("claimfraud: cancelled; nothing was written to the output path.");
            return 130;
        }
    }
}

/// <summary>A problem with the user's input, reported as one line without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = CliRunner.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
