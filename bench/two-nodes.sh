#!/usr/bin/env bash
# Benchmark of two nodes on one database: two packaged jars on one fresh PostgreSQL database, A01/A03 pairs over
# concurrent MLLP connections (as bench/adt.sh), after a warm-up spread over both: first to one node alone, then as
# many again spread over both; prints messages/s and ACK latency of each and which node holds each lease.
#   bench/two-nodes.sh [pairs=4000] [connections=4] [warmupPairs=1000]
# JVM options via JAVA_OPTS (both nodes), extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
mllp=${BENCH_MLLP_PORT:-12575}
# Every connection comes from this host, so the per-sender connection limit (config/mllp.yml) is lifted.
shared=(--adapter.mllp.max-connections=200 --adapter.mllp.max-connections-per-sender=200
  --adapter.adt.inbox="$work/inbox")
# shellcheck disable=SC2086
start_adapter "$port" --adapter.mllp.port="$mllp" "${shared[@]}" ${ADAPTER_ARGS:-}
first=$pid
trap 'kill "$first" 2>/dev/null; wait "$first" 2>/dev/null; cleanup' EXIT
# shellcheck disable=SC2086
launch_adapter "$((port + 1))" --adapter.mllp.port="$((mllp + 1))" "${shared[@]}" ${ADAPTER_ARGS:-}
echo "second node ready after $ready_ms ms; adapter args: ${ADAPTER_ARGS:-(defaults)}"
java bench/AdtLoadBench.java "$mllp,$((mllp + 1))" "http://localhost:$port/fhir" "${1:-4000}" "${2:-4}" "${3:-1000}"
echo "leases:"
psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT name || ' held by ' || node FROM cm_cluster_lease ORDER BY name" \
  | sed 's/^/    /'
