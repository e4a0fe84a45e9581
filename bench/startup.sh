#!/usr/bin/env bash
# Benchmark of start-up: the packaged jar from launch until readiness answers UP, first on an empty PostgreSQL
# database (cold: schema, ~800 SearchParameters, the guide's resources, the first reindex) and then on that database
# (warm: everything already in place), and where the time goes, from the adapter's own log lines.
#   bench/startup.sh [warmStarts]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR, another JVM via
# BENCH_JAVA. With LAUNCHER=1 the README's launcher starts it (bin/adapter): on a JDK 25 the cold start is then the
# training run that writes an AOT cache when it stops, and the warm starts use that cache.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
warm_starts=${1:-3}
if [ "${LAUNCHER:-}" = 1 ]; then
  # A build of its own for the launcher, so its extracted copy and AOT cache start from nothing.
  ln -s "$(readlink -f "$jar")" "$work/adapter.jar"
  jar=$work/adapter.jar
fi

phases() {
  grep -oE "Started AdapterApplication in [0-9.]+ seconds|ADT path warmed in [0-9]+ ms|Search parameters: [^;]*|Implementation guide on the API: .*|Serving FHIR R4: .*" \
    "$work/adapter.log" | tail -5 | sed 's/^/    /'
}

# shellcheck disable=SC2086
start_adapter "$port" ${ADAPTER_ARGS:-}
echo "cold start (empty database) until ready: $ready_ms ms"
phases
for run in $(seq 1 "$warm_starts"); do
  stop_adapter
  [ -f "$work/aot/adapter.aot" ] && echo "    AOT cache: $(du -m "$work/aot/adapter.aot" | cut -f1) MiB"
  : > "$work/adapter.log"
  # shellcheck disable=SC2086
  launch_adapter "$port" ${ADAPTER_ARGS:-}
  echo "warm start $run (same database) until ready: $ready_ms ms"
  phases
done
