#!/usr/bin/env bash
# Benchmark of the FHIR server: the packaged jar on a fresh PostgreSQL database, loaded with transaction Bundles of
# realistic clients; prints resources/s and read/search latency percentiles.
#   bench/fhir-server.sh [clients] [clientsPerBundle] [threads] [probes] [warmupClients]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
# shellcheck disable=SC2086
start_adapter "$port" ${ADAPTER_ARGS:-}
echo "adapter args: ${ADAPTER_ARGS:-(defaults)}"
java bench/FhirLoadBench.java "http://localhost:$port/fhir" "$@"
