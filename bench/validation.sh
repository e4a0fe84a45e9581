#!/usr/bin/env bash
# Cost of profile validation on writes: the packaged jar on a fresh PostgreSQL database, loaded with 50-entry
# transaction Bundles (Patients, hospitalization Encounters, diagnosis Conditions) that declare the guide's profiles
# (validation on) or declare none (validation off); prints resources/s of both, the slowdown and the server's memory.
#   bench/validation.sh [bundlesPerRound=200] [rounds=3] [warmupBundles=1000] [threads=2]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR. The server is told
# to require no profile (BENCH_NO_REQUIRED_PROFILES, by default blanking the Patient requirement; set it empty for a
# build whose default requires none), so "off" validates nothing. About 5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${BENCH_JAR:-adapter/target/adapter.jar}
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
db="casemgmt_bench_$$"
port=${BENCH_PORT:-18081}
no_required=${BENCH_NO_REQUIRED_PROFILES---adapter.conformance.required-profiles.Patient=}
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
  $no_required ${ADAPTER_ARGS:-} > "$work/adapter.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/adapter.log"; exit 1; }
  sleep 1
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"
echo "jar: $jar; JVM options: ${JAVA_OPTS:--Xmx2g}; adapter args: $no_required ${ADAPTER_ARGS:-}"
java bench/ValidationLoadBench.java "http://localhost:$port/fhir" "$pid" "$@"
