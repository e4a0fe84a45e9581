#!/usr/bin/env bash
# Benchmark of the FHIR server: the packaged jar on a fresh PostgreSQL database, loaded with transaction Bundles of
# realistic clients; prints resources/s and read/search latency percentiles.
#   bench/fhir-server.sh [clients] [clientsPerBundle] [threads] [probes] [warmupClients]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${BENCH_JAR:-adapter/target/adapter.jar}
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
db="casemgmt_bench_$$"
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"

cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -jar "$jar" --server.port="$port" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
  ${ADAPTER_ARGS:-} > "$work/adapter.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/adapter.log"; exit 1; }
  sleep 1
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"
echo "adapter args: ${ADAPTER_ARGS:-(defaults)}"
java bench/FhirLoadBench.java "http://localhost:$port/fhir" "$@"
