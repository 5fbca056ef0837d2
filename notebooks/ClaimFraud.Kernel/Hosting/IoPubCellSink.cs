using System.Text.Json.Nodes;
using ClaimFraud.Kernel.Display;
using ClaimFraud.Kernel.Execution;
using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Hosting;

/// <summary>Publishes one cell's output as IOPub stream / display_data messages parented to its request.</summary>
internal sealed class IoPubCellSink(KernelServer server, JupyterMessage request) : ICellOutputSink
{
    public void Stream(string name, string text) =>
        server.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = text });

    public void Display(MimeBundle bundle, string? displayId, bool update)
    {
        var content = new JsonObject { ["data"] = bundle.ToJson(), ["metadata"] = new JsonObject() };
        if (displayId is not null) content["transient"] = new JsonObject { ["display_id"] = displayId };
        server.Publish(request, update ? "update_display_data" : "display_data", content);
    }
}
