using ClaimFraud.Kernel.Display;

namespace ClaimFraud.Kernel.Execution;

/// <summary>Where one cell's output goes: the kernel publishes it on IOPub, tests record it.</summary>
public interface ICellOutputSink
{
    /// <summary>Text written to Console.Out ("stdout") or Console.Error ("stderr").</summary>
    void Stream(string name, string text);

    /// <summary>A display_data message, or update_display_data when <paramref name="update"/> is set.</summary>
    void Display(MimeBundle bundle, string? displayId, bool update);
}
