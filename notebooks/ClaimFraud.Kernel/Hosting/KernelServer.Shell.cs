using System.Text.Json.Nodes;
using ClaimFraud.Kernel.Execution;
using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Hosting;

// Shell requests, run one at a time on the worker thread.
public sealed partial class KernelServer
{
    private void ServeShellRequests()
    {
        try
        {
            foreach (var request in _shellRequests.GetConsumingEnumerable()) Serve(request);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    private void Serve(JupyterMessage request)
    {
        Publish(request, "status", Status("busy"));
        try
        {
            switch (request.MsgType)
            {
                case "kernel_info_request":
                    Reply(Channel.Shell, request, "kernel_info_reply", KernelInfo.ReplyContent());
                    break;
                case "execute_request":
                    Execute(request);
                    break;
                case "is_complete_request":
                    IsComplete(request);
                    break;
                case "complete_request":
                    Complete(request);
                    break;
                case "inspect_request":
                    Inspect(request);
                    break;
                case "comm_info_request":
                    Reply(Channel.Shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "history_request":
                    Reply(Channel.Shell, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                    break;
                case "comm_open" or "comm_msg" or "comm_close":
                    break; // No comm targets: nothing to answer.
                default:
                    _log.WriteLine($"[ClaimFraud.Kernel] ignored shell message '{request.MsgType}'.");
                    break;
            }
        }
        catch (Exception e)
        {
            _log.WriteLine($"[ClaimFraud.Kernel] {request.MsgType} failed: {e}");
        }
        finally
        {
            Publish(request, "status", Status("idle"));
        }
    }

    private void Execute(JupyterMessage request)
    {
        var content = request.Content;
        var code = String(content, "code") ?? "";
        var silent = Bool(content, "silent") ?? false;
        var storeHistory = Bool(content, "store_history") ?? !silent;
        var stopOnError = Bool(content, "stop_on_error") ?? true;
        if (!silent && storeHistory) _executionCount++;
        var count = _executionCount;
        if (!silent) Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        ExecutionOutcome outcome;
        using (var cell = new CancellationTokenSource())
        {
            _runningCell = cell;
            try
            {
                outcome = _session.ExecuteAsync(code, count, new IoPubCellSink(this, request), cell.Token).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                // A fault of the kernel itself: still answer, so the frontend does not wait forever.
                _log.WriteLine($"[ClaimFraud.Kernel] execute failed: {e}");
                outcome = new ExecutionFailed(e.GetType().Name, $"The kernel could not run the cell: {e.Message}", [e.ToString()]);
            }
            finally
            {
                _runningCell = null;
            }
        }

        switch (outcome)
        {
            case ExecutionSucceeded success:
                if (success.Result is { } result && !silent)
                {
                    Publish(request, "execute_result", new JsonObject
                    {
                        ["execution_count"] = count,
                        ["data"] = result.ToJson(),
                        ["metadata"] = new JsonObject(),
                    });
                }
                Reply(Channel.Shell, request, "execute_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["execution_count"] = count,
                    ["user_expressions"] = new JsonObject(),
                    ["payload"] = new JsonArray(),
                });
                break;
            case ExecutionFailed failure:
                Publish(request, "error", ErrorContent(failure));
                var reply = ErrorContent(failure);
                reply["status"] = "error";
                reply["execution_count"] = count;
                Reply(Channel.Shell, request, "execute_reply", reply);
                if (stopOnError) AbortQueuedExecutions();
                break;
        }
    }

    // After a failed cell, the cells already queued behind it are not run (as in IPython).
    private void AbortQueuedExecutions()
    {
        var others = new List<JupyterMessage>();
        while (_shellRequests.TryTake(out var queued))
        {
            if (queued.MsgType != "execute_request") { others.Add(queued); continue; }
            Publish(queued, "status", Status("busy"));
            Reply(Channel.Shell, queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            Publish(queued, "status", Status("idle"));
        }
        foreach (var other in others) Serve(other);
    }

    private void IsComplete(JupyterMessage request)
    {
        var result = _session.IsComplete(String(request.Content, "code") ?? "");
        var content = new JsonObject { ["status"] = result.Status };
        if (result.Status == "incomplete") content["indent"] = result.Indent;
        Reply(Channel.Shell, request, "is_complete_reply", content);
    }

    private void Complete(JupyterMessage request)
    {
        var code = String(request.Content, "code") ?? "";
        var cursor = CodePoints.ToUtf16Index(code, Int(request.Content, "cursor_pos") ?? code.Length);
        var result = _session.CompleteAsync(code, cursor).GetAwaiter().GetResult();
        var start = CodePoints.FromUtf16Index(code, result.CursorStart);
        var end = CodePoints.FromUtf16Index(code, result.CursorEnd);
        var types = new JsonArray(result.Items
            .Select(i => (JsonNode)new JsonObject { ["start"] = start, ["end"] = end, ["text"] = i.Text, ["type"] = i.Kind })
            .ToArray());
        Reply(Channel.Shell, request, "complete_reply", new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Items.Select(i => (JsonNode)JsonValue.Create(i.Text)!).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject { ["_jupyter_types_experimental"] = types },
        });
    }

    private void Inspect(JupyterMessage request)
    {
        var code = String(request.Content, "code") ?? "";
        var cursor = CodePoints.ToUtf16Index(code, Int(request.Content, "cursor_pos") ?? code.Length);
        string? text = null;
        try
        {
            text = _session.InspectAsync(code, cursor).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _log.WriteLine($"[ClaimFraud.Kernel] inspect failed: {e.Message}");
        }
        var data = new JsonObject();
        if (text is not null) data["text/plain"] = text;
        Reply(Channel.Shell, request, "inspect_reply", new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        });
    }

    private static JsonObject ErrorContent(ExecutionFailed failure) => new()
    {
        ["ename"] = failure.ErrorName,
        ["evalue"] = failure.ErrorValue,
        ["traceback"] = new JsonArray(failure.Traceback.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
    };

    private static string? String(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static int? Int(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
