#!/usr/bin/env bash
# Benchmark of start-up: the packaged jar from launch until readiness answers UP, first on an empty PostgreSQL
# database (cold: schema, ~800 SearchParameters, the guide's resources, the first reindex) and then on that database
# (warm: everything already in place), and where the time goes, from the adapter's own log lines.
#   bench/startup.sh [warmStarts]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR, another JVM via
# BENCH_JAVA. With AOT=1 (a JDK 25 as BENCH_JAVA) the jar is extracted, the cold start is the training run that writes
# an AOT cache when it stops (-XX:AOTCacheOutput, JEP 514) and the warm starts use that cache.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
warm_starts=${1:-3}
opts=${JAVA_OPTS:--Xmx2g}
if [ "${AOT:-}" = 1 ]; then
  ${BENCH_JAVA:-java} -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
  jar="$work/app/$(basename "$jar")"
  export JAVA_OPTS="$opts -XX:AOTCacheOutput=$work/app.aot"
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
  if [ "${AOT:-}" = 1 ]; then
    echo "    AOT cache: $(du -m "$work/app.aot" | cut -f1) MiB"
    export JAVA_OPTS="$opts -XX:AOTCache=$work/app.aot"
  fi
  : > "$work/adapter.log"
  # shellcheck disable=SC2086
  launch_adapter "$port" ${ADAPTER_ARGS:-}
  echo "warm start $run (same database) until ready: $ready_ms ms"
  phases
done
