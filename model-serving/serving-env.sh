# The serving app's runtime settings (model-serving/README.md, Performance), sourced by ./claimfraud serve and
# scripts/bench-serving.sh; the Dockerfile's ENV repeats them. Values already in the environment win.
# - A 64 MiB gen0 budget: 5× fewer gen0 collections under load and a lower /predict p99 (only the environment variable
#   works; the runtimeconfig key is ignored by .NET 10).
# - Inline socket completions: socket I/O completes on the socket event threads, one thread-pool hop fewer a request
#   (Kestrel still runs requests on the pool, and the app's outbound HTTP calls hop back to it).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS="${DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS:-1}"
