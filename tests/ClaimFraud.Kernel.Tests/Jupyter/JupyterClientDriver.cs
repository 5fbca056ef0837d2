using System.Text.Json.Nodes;
using ClaimFraud.Kernel.Tests.Execution;

namespace ClaimFraud.Kernel.Tests.Jupyter;

/// <summary>
/// Runs one python script that drives the kernel through jupyter_client's KernelManager (start,
/// cells, completion, interrupt, restart, shutdown) and records every reply and IOPub message
/// as JSON. Each test of <see cref="JupyterClientTests"/> asserts on one part of that record.
/// </summary>
public sealed class JupyterClientDriver : IAsyncLifetime
{
    private const string Script = """
        import json, sys, time, queue
        import zmq
        from jupyter_client.manager import KernelManager
        from jupyter_client.session import Session

        library, out_path = sys.argv[1], sys.argv[2]
        results = {}

        km = KernelManager(kernel_name="csharp-claimfraud")
        started = time.monotonic()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        results["startup_seconds"] = time.monotonic() - started

        def shell_reply(msg_id, timeout=60):
            deadline = time.monotonic() + timeout
            while True:
                msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
                if msg["parent_header"].get("msg_id") == msg_id:
                    return msg

        def execute(code, timeout=90, interrupt_on=None):
            msg_id = kc.execute(code)
            start = time.monotonic()
            outputs, interrupted = [], False
            while True:
                msg = kc.get_iopub_msg(timeout=timeout)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                outputs.append({"type": msg["msg_type"], "content": msg["content"], "at": time.monotonic() - start})
                if interrupt_on and not interrupted and msg["msg_type"] == "stream" and interrupt_on in msg["content"]["text"]:
                    km.interrupt_kernel()
                    interrupted = True
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            reply = shell_reply(msg_id, timeout)
            return {"reply": reply["content"], "reply_parent": reply["parent_header"]["msg_id"] == msg_id, "outputs": outputs}

        results["kernel_info"] = shell_reply(kc.kernel_info())["content"]
        ping = zmq.Context.instance().socket(zmq.REQ)
        ping.setsockopt(zmq.LINGER, 0)
        ping.connect("tcp://%s:%d" % (km.ip, km.hb_port))
        ping.send(b"ping-123")
        results["heartbeat"] = ping.recv().decode() if ping.poll(20000) else None
        ping.close()
        results["state_1"] = execute("var total = 40;")
        results["state_2"] = execute("total += 2;\ntotal")
        results["stream"] = execute('Console.WriteLine("first");\nThread.Sleep(1500);\nConsole.Error.WriteLine("second");')
        results["display"] = execute(
            'display(Enumerable.Range(1, 30).Select(i => new { Id = i, Amount = i * 1000m }));\n'
            'display(svg("<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"4\\" height=\\"4\\"/>"));')
        results["svg_result"] = execute(
            'class Spark { public string ToSvg() => "<svg xmlns=\\"http://www.w3.org/2000/svg\\"><rect/></svg>"; }\nnew Spark()')
        results["compile_error"] = execute("var fine = 1;\nvar alsoFine = 2;\nvar broken = undefinedThing;")
        results["runtime_error"] = execute("var numerator = 10;\nvar denominator = 0;\nvar ratio = numerator / denominator;")
        results["after_errors"] = execute("total")
        results["reference"] = execute('#r "' + library + '"\nDriverLib.Greeting.Hello("kernel")')
        results["is_complete"] = {code: shell_reply(kc.is_complete(code))["content"]
                                  for code in ["if (total > 0) {", "total++;", "var = ;"]}
        results["complete_member"] = shell_reply(kc.complete("total.ToStr", 11))["content"]
        results["complete_variable"] = shell_reply(kc.complete("tot", 3))["content"]
        results["comm_info"] = shell_reply(kc.comm_info())["content"]

        forged = Session(key=b"not-the-kernel-key")
        forged_msg = forged.send(kc.shell_channel.socket, "kernel_info_request", {})
        try:
            shell_reply(forged_msg["header"]["msg_id"], timeout=2)
            results["forged_answered"] = True
        except queue.Empty:
            results["forged_answered"] = False
        results["after_forged"] = shell_reply(kc.kernel_info())["content"]["status"]

        results["interrupt"] = execute('Console.WriteLine("spinning");\nlong spins = 0;\nwhile (true) { spins++; }', interrupt_on="spinning")
        results["after_interrupt"] = execute("total")

        km.restart_kernel()
        kc.wait_for_ready(timeout=120)
        results["after_restart_old"] = execute("total")
        results["after_restart_new"] = execute("1 + 1")

        stopping = time.monotonic()
        km.shutdown_kernel()
        results["shutdown_seconds"] = time.monotonic() - stopping
        results["alive_after_shutdown"] = km.is_alive()
        kc.stop_channels()

        with open(out_path, "w") as f:
            json.dump(results, f)
        """;

    public JsonObject Results { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var environment = JupyterEnvironment.Create("jupyter-client");
        var library = TestLibraries.Compile(Path.Combine(environment.Folder, "lib"), "DriverLib",
            "namespace DriverLib; public static class Greeting { public static string Hello(string who) => $\"hello, {who}\"; }");
        var script = Path.Combine(environment.Folder, "driver.py");
        var output = Path.Combine(environment.Folder, "results.json");
        await File.WriteAllTextAsync(script, Script);

        var (exitCode, _, stderr) = await environment.RunAsync(environment.Python, [script, library, output], TimeSpan.FromMinutes(4));

        if (exitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"The jupyter_client driver failed (exit {exitCode}):\n{stderr}");
        Results = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(output))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
