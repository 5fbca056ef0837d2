-- wrk script for POST /predict: one claim body, the API key as a bearer header.
-- Usage: BODY_FILE=claim.json API_KEY=... wrk -t2 -c32 -d15s -s predict.lua http://127.0.0.1:PORT/predict
-- wrk's own count of non-2xx/3xx answers is printed, so a benchmark of 401s or 400s cannot pass unnoticed. (No
-- response() callback: it would make wrk run Lua per response, taking CPU from the server on a 2-core machine.)
local function read(path)
  local f = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
  local s = f:read("*a")
  f:close()
  return s
end

wrk.method = "POST"
wrk.body = read(os.getenv("BODY_FILE"))
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json"
local key = os.getenv("API_KEY")
if key and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non200=%d socket_errors=%d\n",
    summary.requests, s, summary.requests / s,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
